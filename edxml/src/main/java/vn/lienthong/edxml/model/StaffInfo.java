package vn.lienthong.edxml.model;

/** Clerk handling the package. Personal data: never log it. */
public record StaffInfo(String department, String departmentId, String staff, String staffId, String email,
                        String mobile) {
}
