package vn.lienthong.adapter.legacy.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import vn.lienthong.adapter.directory.control.Directory;
import vn.lienthong.adapter.directory.entity.Organisation;
import vn.lienthong.adapter.reception.control.OurOrganisations;

/**
 * GetOrganizations (spec §6.8): our own organisations ({@code agency=true}, served by this adapter) and the
 * agency directory synchronised from the axis ({@code agency=false}, {@code send_vpcp=true}), with the QD 20
 * code in {@code domain_new} where the directory knows it.
 */
@Stateless
public class LegacyDirectory {

    static final int MAX_ENTRIES = 20_000;

    @Inject
    Directory directory;
    @Inject
    OurOrganisations ours;

    public List<LegacyOrganisation> organisations() {
        List<Organisation> all = directory.search("", MAX_ENTRIES);
        Map<String, String> newCodes = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Organisation o : all) {
            if ("AXIS_QD20".equals(o.getSource()) && o.getOldCode() != null) {
                newCodes.put(o.getOldCode(), o.getCode());
            } else {
                names.put(o.getCode(), o.getName());
            }
        }
        Map<String, LegacyOrganisation> out = new LinkedHashMap<>();
        for (String organ : ours.all()) {
            out.put(organ, new LegacyOrganisation(organ, null, names.get(organ), null, null, null, null, null,
                    true, false, false, newCodes.get(organ)));
        }
        for (Organisation o : all) {
            if ("AXIS_QD20".equals(o.getSource()) || out.containsKey(o.getCode())) {
                continue;
            }
            out.put(o.getCode(), new LegacyOrganisation(o.getCode(),
                    o.getParentCode() == null ? null : names.getOrDefault(o.getParentCode(), o.getParentCode()),
                    o.getName(), null, o.getMail(), null, null, null, false, true, false, newCodes.get(o.getCode())));
        }
        return new ArrayList<>(out.values());
    }
}
