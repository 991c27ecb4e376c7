package vn.lienthong.axis.simulator;

/**
 * One organisation of the simulator's directory with both code systems.
 *
 * @param code102   the QCVN 102:2016 code, as {@code getAgenciesList.code} and {@code getAgenciesListQD20.code102}
 * @param oldCode   an earlier code, as {@code getAgenciesList.oldCode} (often empty)
 * @param codeQd20  the QĐ 20/2020 code, as {@code getAgenciesListQD20.code}
 */
public record AgencyEntry(String id, String pid, String code102, String oldCode, String codeQd20, String name,
                          String mail) {

    /** Level of the QĐ 20 code: its number of dot-separated groups (level-1 code first, e.g. {@code H37.02}). */
    public int qd20Level() {
        return codeQd20 == null || codeQd20.isEmpty() ? 0 : codeQd20.split("\\.").length;
    }

    boolean hasCode(String code) {
        return code.equals(code102) || code.equals(codeQd20) || code.equals(oldCode);
    }
}
