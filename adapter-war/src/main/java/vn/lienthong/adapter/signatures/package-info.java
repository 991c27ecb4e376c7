/**
 * Signatures inside the documents (issue 14): the signer's signature in each attachment, which gives an official
 * document its legal value (Decision 28/2018/QĐ-TTg art. 4), verified offline with the {@code docsig} library
 * against the configured trust anchors and CRLs, recorded per attachment and per document
 * ({@code document_signature}, {@code attachment_signature}), and the sending organisation's policy (off, flag,
 * refuse with {@code DOC.UNSIGNED}). Documents are verified after they are accepted or filed, by the
 * {@code lienthong-signatures} thread, so acceptance never waits for it (except the main file under a refuse
 * policy). See docs/document-signatures.md.
 *
 * <p>May import: {@code tracking} (documents, attachments), {@code audit}, {@code vocabulary},
 * {@code configuration}, {@code platform}. Imported by the faces (exchange, legacy, console, admin), {@code intake},
 * {@code reception}, {@code statistics} and {@code alerting}.
 */
package vn.lienthong.adapter.signatures;
