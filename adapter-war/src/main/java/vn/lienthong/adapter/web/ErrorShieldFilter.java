package vn.lienthong.adapter.web;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * First filter of every request: whatever escapes the application — an exception, an {@link OutOfMemoryError}
 * — is answered here in the request's face ({@link Face}: SOAP fault, JSON, neutral text) with
 * {@code SYS.INTERNAL}, so the server's HTML error page, which names the product and the exception, never
 * reaches a client. Status codes the application or the container send without a body are answered by
 * {@link ErrorPageServlet} (web.xml error pages).
 */
public class ErrorShieldFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ErrorShieldFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!response.isCommitted()) {
            // Drops the "Server: Payara Micro" header the container put in before the application runs; nothing
            // else has been set yet. Works the same on Payara Micro and Server, whatever the listener settings.
            response.reset();
        }
        try {
            chain.doFilter(request, response);
        } catch (OutOfMemoryError e) {
            // No logging with a message built here and no stack trace: the heap is what ran out. The answer was
            // prepared at class load; the connection is closed so a client does not retry on the same one.
            LOG.severe("ALERT: heap exhausted while answering a request; answered SYS.INTERNAL");
            ErrorReply.outOfMemory(request, response);
        } catch (Throwable e) { // NOSONAR: nothing may reach the container's error page
            LOG.log(Level.SEVERE, "Unhandled failure on " + request.getMethod() + " "
                    + ErrorReply.pathInApplication(request) + "; answered SYS.INTERNAL", e);
            ErrorReply.internal(request, response);
        }
    }
}
