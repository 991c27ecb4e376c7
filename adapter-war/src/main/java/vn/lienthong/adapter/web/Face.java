package vn.lienthong.adapter.web;

import java.nio.charset.StandardCharsets;

/**
 * Who a request was addressed to, and so in which form an error must answer it: the SOAP faces a SOAP fault,
 * the admin API JSON, anything else a short neutral text. No form names the server, its version or an
 * exception: clients get a stable code and a readable sentence, the log keeps the rest.
 */
public enum Face {
    SOAP("text/xml; charset=UTF-8"),
    JSON("application/json; charset=UTF-8"),
    NEUTRAL("text/plain; charset=UTF-8");

    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    /** Namespace of ExchangeFaultDetail in DocumentExchange.wsdl, so generated clients map the fault. */
    private static final String EXCHANGE_NS = "urn:lienthong:exchange:1";

    private final String contentType;

    Face(String contentType) {
        this.contentType = contentType;
    }

    /** The face of a path inside the application ({@code /services/…}, {@code /admin/…}, …). */
    public static Face of(String pathInApplication) {
        String p = pathInApplication == null ? "" : pathInApplication;
        if (p.equals("/services") || p.startsWith("/services/")) {
            return SOAP;
        }
        if (p.equals("/admin") || p.startsWith("/admin/")) {
            return JSON;
        }
        return NEUTRAL;
    }

    /** Content type of {@link #body}; SOAP 1.2 requests get their own envelope version. */
    public String contentType(boolean soap12) {
        return this == SOAP && soap12 ? "application/soap+xml; charset=UTF-8" : contentType;
    }

    /**
     * The error body. {@code field} may be null. {@code clientError} chooses the SOAP fault code (Client/Sender
     * for a request the caller must change, Server/Receiver otherwise).
     */
    public byte[] body(String code, String field, String message, boolean clientError, boolean soap12) {
        String text = switch (this) {
            case SOAP -> soapFault(code, field, message, clientError, soap12);
            case JSON -> "{\"code\":\"" + json(code) + "\"" + (field == null ? "" : ",\"field\":\"" + json(field) + "\"")
                    + ",\"message\":\"" + json(message) + "\"}";
            case NEUTRAL -> code + ": " + message + "\n";
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String soapFault(String code, String field, String message, boolean clientError, boolean soap12) {
        String detail = "<ExchangeFaultDetail xmlns=\"" + EXCHANGE_NS + "\"><code>" + xml(code) + "</code>"
                + (field == null ? "" : "<field>" + xml(field) + "</field>") + "<message>" + xml(message)
                + "</message></ExchangeFaultDetail>";
        String reason = xml(code + ": " + message);
        if (soap12) {
            return "<soap:Envelope xmlns:soap=\"" + SOAP12 + "\"><soap:Body><soap:Fault><soap:Code><soap:Value>soap:"
                    + (clientError ? "Sender" : "Receiver") + "</soap:Value></soap:Code><soap:Reason>"
                    + "<soap:Text xml:lang=\"en\">" + reason + "</soap:Text></soap:Reason><soap:Detail>" + detail
                    + "</soap:Detail></soap:Fault></soap:Body></soap:Envelope>";
        }
        return "<soap:Envelope xmlns:soap=\"" + SOAP11 + "\"><soap:Body><soap:Fault><faultcode>soap:"
                + (clientError ? "Client" : "Server") + "</faultcode><faultstring>" + reason + "</faultstring><detail>"
                + detail + "</detail></soap:Fault></soap:Body></soap:Envelope>";
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
