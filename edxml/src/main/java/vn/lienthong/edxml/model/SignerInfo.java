package vn.lienthong.edxml.model;

/** Authority prefix (e.g. "TL."), title and full name of the person who signed the document. Personal data. */
public record SignerInfo(String competence, String position, String fullName) {
}
