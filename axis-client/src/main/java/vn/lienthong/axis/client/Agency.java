package vn.lienthong.axis.client;

/** One entry of {@code getAgenciesList}: the directory with the QCVN 102 code and an older code. */
public record Agency(String id, String pid, String code, String name, String mail, String oldCode) {
}
