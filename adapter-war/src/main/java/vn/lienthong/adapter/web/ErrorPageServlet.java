package vn.lienthong.adapter.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The only error page of the application (web.xml {@code <error-page>}): every status sent without a body
 * ({@code sendError}, the container's own 404/405/500) is answered in the request's face with a stable code,
 * instead of the server's HTML page that names the product and version.
 */
public class ErrorPageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object s = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = s instanceof Integer i ? i : 404; // called directly: there is nothing here
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) != null) {
            status = 500;
        }
        if (status == 413) {
            ErrorReply.write(request, response, 413, RequestLimitFilter.REQUEST_SIZE, null,
                    "The request is too large");
            return;
        }
        if (status >= 500) {
            ErrorReply.internal(request, response);
            return;
        }
        ErrorReply.write(request, response, status, code(status), null, message(status));
    }

    static String code(int status) {
        return switch (status) {
            case 400 -> "SYS.BAD_REQUEST";
            case 401, 403 -> "AUTH.REFUSED";
            case 404 -> "SYS.NOT_FOUND";
            case 405 -> "SYS.METHOD_NOT_ALLOWED";
            case 415 -> "SYS.UNSUPPORTED_MEDIA_TYPE";
            default -> "SYS.REQUEST";
        };
    }

    private static String message(int status) {
        return switch (status) {
            case 400 -> "The request is malformed";
            case 401, 403 -> "The request is not authorised";
            case 404 -> "There is nothing at this address";
            case 405 -> "This method is not allowed at this address";
            case 415 -> "This content type is not accepted here";
            default -> "The request was refused (HTTP " + status + ")";
        };
    }
}
