package vn.lienthong.edxml.model;

import java.time.LocalDate;

/** The document this package answers: original sender, {@code Number/Notation}, DocumentId and date (§3.4). */
public record ResponseFor(String organId, String code, String documentId, LocalDate promulgationDate) {

    /** Real traffic carries {@code <ResponseFor/>} and ResponseFor with four empty children: both mean "none". */
    public boolean isEmpty() {
        return organId == null && code == null && documentId == null && promulgationDate == null;
    }
}
