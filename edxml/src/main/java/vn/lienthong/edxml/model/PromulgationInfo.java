package vn.lienthong.edxml.model;

import java.time.LocalDate;

/** Place and date of issue. */
public record PromulgationInfo(String place, LocalDate promulgationDate) {
}
