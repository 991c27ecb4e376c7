package vn.lienthong.adapter.legacy.control;

/** A GetOrganizations entry: the hub's eight fields plus the four a later hub build added (spec §6.8). */
public record LegacyOrganisation(String organId, String organizationInCharge, String organName, String organAdd,
        String email, String telephone, String fax, String website, boolean agency, boolean sendVpcp,
        boolean integratorCenter, String domainNew) {
}
