package vn.lienthong.adapter.intake.control;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.vocabulary.Rejection;
import vn.lienthong.adapter.vocabulary.Submission;
import vn.lienthong.edxml.id.OrganId;

/**
 * Checks a submission before anything is stored. Limits are the best available (QCVN 102 field table as
 * transcribed by the old hubs, spec edxml-qcvn102.md §13); the first violation is reported with its field path.
 */
public final class SubmissionValidator {

    private static final Pattern FILE_NAME = Pattern.compile("[^/\\\\\\x00-\\x1f]{1,255}");

    private final AdapterSettings settings;

    public SubmissionValidator(AdapterSettings settings) {
        this.settings = settings;
    }

    public void check(Submission s) {
        if (s.stateSecret()) {
            // Decision 28/2018/QD-TTg: state-secret documents are never exchanged electronically this way.
            throw new Rejection("M.document/stateSecret", "document/stateSecret",
                    "State-secret documents must not be sent through the document exchange axis");
        }
        organId("document/fromOrganId", s.fromOrganId());
        if (s.recipients() == null || s.recipients().isEmpty()) {
            throw Rejection.missing("document/recipient");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < s.recipients().size(); i++) {
            String path = "document/recipient[" + (i + 1) + "]/organId";
            organId(path, s.recipients().get(i).organId());
            if (!seen.add(s.recipients().get(i).organId())) {
                throw Rejection.invalid(path, "Recipient " + s.recipients().get(i).organId() + " is listed twice");
            }
        }
        text("document/codeNumber", s.codeNumber(), 11, true);
        if (s.codeNumber().contains(",") || s.codeNumber().contains("/")) {
            // They separate the parts of the DocumentId (OrganId,yyyy/MM/dd,Number/Notation).
            throw Rejection.invalid("document/codeNumber", "The number must not contain ',' or '/'");
        }
        text("document/codeNotation", s.codeNotation(), 30, true);
        if (s.promulgationDate() == null) {
            throw Rejection.missing("document/promulgationDate");
        }
        text("document/subject", s.subject(), 500, true);
        text("document/content", s.content(), 500, false);
        text("document/promulgationPlace", s.promulgationPlace(), 50, false);
        text("document/documentTypeName", s.documentTypeName(), 100, false);
        text("document/sphereOfPromulgation", s.sphereOfPromulgation(), 100, false);
        text("document/fromOrganName", s.fromOrganName(), 200, false);
        if (s.priority() != null && (s.priority() < 0 || s.priority() > 4)) {
            throw Rejection.outOfRange("document/priority", "Priority must be 0 (normal) to 4 (express, timed)");
        }
        attachments(s);
        change(s);
    }

    private static void change(Submission s) {
        if (s.change() == null) {
            return;
        }
        var c = s.change();
        if (c.type() != 2 && c.type() != 3) {
            throw Rejection.outOfRange("document/business/type",
                    "Business type must be 2 (update) or 3 (replace); recall has its own operation");
        }
        if (c.type() == 2 && (c.targetDocumentId() == null || c.targetDocumentId().isBlank())) {
            throw Rejection.missing("document/business/targetDocumentId");
        }
        if (c.type() == 3 && c.replaces().isEmpty()) {
            throw Rejection.missing("document/business/replaces");
        }
        for (int i = 0; i < c.receiverChanges().size(); i++) {
            organId("document/business/receiverChange[" + (i + 1) + "]/organId", c.receiverChanges().get(i).organId());
        }
    }

    private void attachments(Submission s) {
        if (s.attachments().size() > settings.maxAttachments()) {
            throw Rejection.outOfRange("document/attachment",
                    "At most " + settings.maxAttachments() + " attachments are accepted");
        }
        for (int i = 0; i < s.attachments().size(); i++) {
            var a = s.attachments().get(i);
            String path = "document/attachment[" + (i + 1) + "]";
            if (a.name() == null || a.name().isBlank()) {
                throw Rejection.missing(path + "/name");
            }
            if (!FILE_NAME.matcher(a.name()).matches()) {
                throw Rejection.invalid(path + "/name", "Attachment name must be a plain file name");
            }
            // A streamed part's size is unknown until it is stored: SubmissionService checks it while storing.
            if (a.knownSize() >= 0) {
                size(path, a.knownSize(), settings.maxAttachmentBytes());
            }
        }
    }

    /** An attachment's size: not empty, within {@code max}; also used once a streamed part has been stored. */
    public static void size(String path, long size, long max) {
        if (size == 0) {
            throw Rejection.missing(path + "/content");
        }
        if (size > max) {
            throw Rejection.outOfRange(path + "/content", "Attachment is larger than " + max + " bytes");
        }
    }

    private static void organId(String field, String value) {
        if (value == null || value.isBlank()) {
            throw Rejection.missing(field);
        }
        if (!OrganId.isReceivable(value)) {
            throw Rejection.invalid(field, "Not an organisation id (letters, digits, '.', '_', '-'; at most 35)");
        }
    }

    private static void text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw Rejection.missing(field);
            }
            return;
        }
        if (value.length() > max) {
            throw Rejection.outOfRange(field, "Longer than " + max + " characters");
        }
    }
}
