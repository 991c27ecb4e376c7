package vn.lienthong.edxml.model;

/** {@code Code}: document number ("số") and notation ("ký hiệu"), shown together as {@code Number/Notation}. */
public record DocumentCode(String codeNumber, String codeNotation) {

    /** The printed form {@code Number/Notation}, also used inside the de-facto DocumentId. */
    public String display() {
        if (codeNumber == null) {
            return codeNotation;
        }
        return codeNotation == null ? codeNumber : codeNumber + "/" + codeNotation;
    }
}
