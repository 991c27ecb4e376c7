package vn.lienthong.edxml.model;

/**
 * {@code DocumentType}. Codes are disputed (spec §12), so integers are carried verbatim and {@code typeName} is the
 * human-readable truth. Null means "not written".
 */
public record DocumentType(Integer type, Integer typeDetail, String typeName) {
}
