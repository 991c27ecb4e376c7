package vn.lienthong.adapter.console.control;

import java.util.List;

import vn.lienthong.adapter.console.entity.ConsoleRole;
import vn.lienthong.adapter.console.entity.ConsoleUser;

/**
 * The signed-in console user as every query and action sees it: name, role and the organisations whose documents
 * it may see ({@code all} for administrators). Built from the store at each request, so disabling a user or
 * narrowing its organisations takes effect at its next click.
 */
public record ConsoleCaller(String username, ConsoleRole role, boolean all, List<String> organIds, String address) {

    /** Actor prefix in the audit trail: console users share no name space with client credentials. */
    public static final String ACTOR_PREFIX = "console:";

    public static ConsoleCaller of(ConsoleUser u, String address) {
        return new ConsoleCaller(u.getUsername(), u.getRole(), u.seesAll(), List.copyOf(u.getOrganIds()), address);
    }

    public String actor() {
        return ACTOR_PREFIX + username;
    }

    public boolean maySee(String organId) {
        return all || (organId != null && organIds.contains(organId));
    }

    public boolean mayAct() {
        return role.mayAct();
    }

    public boolean isAdministrator() {
        return role == ConsoleRole.ADMINISTRATOR;
    }
}
