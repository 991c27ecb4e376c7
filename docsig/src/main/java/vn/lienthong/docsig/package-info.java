/**
 * Signatures inside documents (attachments), which give a document its legal value (Decision 28/2018/QĐ-TTg
 * art. 4) — as opposed to the EDXML package signature, which only protects transport.
 *
 * <p>Entry point {@link vn.lienthong.docsig.DocumentSignatureVerifier}; results are value objects:
 * {@link vn.lienthong.docsig.DocumentReport} (one document) holding {@link vn.lienthong.docsig.SignatureReport}s
 * (status {@link vn.lienthong.docsig.SignatureStatus}, {@link vn.lienthong.docsig.Coverage}, signing time and its
 * {@link vn.lienthong.docsig.SigningTimeSource}), and the legal-value verdict
 * {@link vn.lienthong.docsig.LegalValueVerdict} ({@link vn.lienthong.docsig.AttachmentVerdicts} for a package).
 * Sub-packages: {@code pdf} (PAdES/CMS verification with PDFBox and BouncyCastle), {@code pki} (offline chain,
 * validity at signing time, CRL, time-stamp token), {@code detect} (format sniffing, other signed formats).
 * What is and is not verified: {@code docsig/README.md}.
 */
package vn.lienthong.docsig;
