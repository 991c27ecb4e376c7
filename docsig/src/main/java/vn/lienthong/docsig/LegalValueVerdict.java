package vn.lienthong.docsig;

/** The legal-value verdict of one document and its reason (one line). */
public record LegalValueVerdict(String document, LegalValue value, String reason) {
}
