package vn.lienthong.edxml.model;

/** An organisation as written in {@code From}, {@code To} and status {@code From} (spec §3.2). Absent values are null. */
public record Organization(String organId, String organizationInCharge, String organName, String organAdd,
                           String email, String telephone, String fax, String website) {

    public static Organization of(String organId, String organName) {
        return new Organization(organId, null, organName, null, null, null, null, null);
    }
}
