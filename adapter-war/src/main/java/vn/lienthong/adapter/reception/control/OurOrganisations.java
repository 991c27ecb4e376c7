package vn.lienthong.adapter.reception.control;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.security.control.OrganisationAuthority;
import vn.lienthong.adapter.security.entity.CallerIdentity;
import vn.lienthong.adapter.security.entity.ClientCredential;

/**
 * The organisations this adapter serves: every organisation a client credential may act for (by the one rule of
 * {@link OrganisationAuthority}: an over-broad token grant does not make another organisation ours), plus those
 * listed in {@value AdapterSettings#ORGANISATIONS}. Incoming packages are filed for these only.
 */
@Stateless
public class OurOrganisations {

    @PersistenceContext(unitName = "lienthong")
    EntityManager em;
    @Inject
    AdapterSettings settings;
    @Inject
    OrganisationAuthority authority;

    public Set<String> all() {
        Set<String> ours = new TreeSet<>(settings.organisations());
        for (ClientCredential c : em.createQuery("SELECT c FROM ClientCredential c WHERE c.enabled = TRUE",
                ClientCredential.class).getResultList()) {
            CallerIdentity holder = new CallerIdentity(c.getUsername(), null);
            c.getOrganIds().stream().filter(o -> authority.mayActFor(holder, o)).forEach(ours::add);
        }
        return ours;
    }

    /** The entries of {@code addressees} we serve, in their order, without repeats. */
    public List<String> among(List<String> addressees) {
        Set<String> ours = all();
        return addressees.stream().filter(ours::contains).distinct().toList();
    }
}
