package vn.lienthong.axis.client;

/** One entry of {@code getAgenciesListQD20}: {@code code} is the QĐ 20/2020 code, {@code code102} the QCVN 102 one. */
public record AgencyQd20(String id, String code, String name, String mail, String code102) {
}
