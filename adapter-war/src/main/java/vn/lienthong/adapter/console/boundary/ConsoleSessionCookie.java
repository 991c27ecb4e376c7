package vn.lienthong.adapter.console.boundary;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.annotation.WebListener;

import java.util.EnumSet;

/**
 * The session cookie (only the console uses sessions): HttpOnly, Secure, SameSite=Strict, cookies only (never
 * an id in a URL), 30 minutes idle. Set at start because the container accepts it only then.
 */
@WebListener
public class ConsoleSessionCookie implements ServletContextListener {

    static final String COOKIE = "LTCONSOLE";
    static final int IDLE_MINUTES = 30;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        var context = event.getServletContext();
        SessionCookieConfig cookie = context.getSessionCookieConfig();
        cookie.setName(COOKIE);
        cookie.setHttpOnly(true);
        cookie.setSecure(true);
        cookie.setAttribute("SameSite", "Strict");
        context.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
        context.setSessionTimeout(IDLE_MINUTES);
    }
}
