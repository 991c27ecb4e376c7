-- The information items of an electronic document (Decision 28/2018/QD-TTg) kept as columns, so they can be
-- queried and shown without reading the package: who issued it, where, what kind, who signed, until when.
ALTER TABLE document ADD COLUMN from_organ_name VARCHAR(300);
ALTER TABLE document ADD COLUMN promulgation_place VARCHAR(200);
ALTER TABLE document ADD COLUMN document_type INTEGER;
ALTER TABLE document ADD COLUMN document_type_name VARCHAR(200);
ALTER TABLE document ADD COLUMN content_summary VARCHAR(2000);
ALTER TABLE document ADD COLUMN signer_competence VARCHAR(100);
ALTER TABLE document ADD COLUMN signer_position VARCHAR(300);
ALTER TABLE document ADD COLUMN signer_full_name VARCHAR(300);
ALTER TABLE document ADD COLUMN due_date DATE;
ALTER TABLE document ADD COLUMN sphere_of_promulgation VARCHAR(300);
ALTER TABLE document ADD COLUMN steering_type INTEGER;
