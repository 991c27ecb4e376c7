package vn.lienthong.adapter.legacy.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The old protocol's published contract: {@code GET EdocService?wsdl} and {@code ?xsd=edoc-….xsd}. */
final class LegacyContract {

    private static final Set<String> CONTRACT_SCHEMAS = Set.of("edoc-schema.xsd", "edoc-requests.xsd",
            "edoc-xlink.xsd");

    private LegacyContract() {
    }

    /** Writes the requested contract document; false (nothing written) when the query names none. */
    static boolean serve(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String query = req.getQueryString() == null ? "" : req.getQueryString();
        String resource = query.equalsIgnoreCase("wsdl") ? "EdocLegacy.wsdl"
                : CONTRACT_SCHEMAS.contains(query.replaceFirst("^xsd=", "")) && query.startsWith("xsd=")
                        ? query.substring(4) : null;
        try (InputStream in = resource == null ? null
                : LegacyContract.class.getClassLoader().getResourceAsStream("wsdl/" + resource)) {
            if (in == null) {
                return false;
            }
            // Relative schema locations work in the source tree; over HTTP they become ?xsd= links.
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("schemaLocation=\"edoc-", "schemaLocation=\"EdocService?xsd=edoc-");
            resp.setContentType("text/xml; charset=utf-8");
            resp.getOutputStream().write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return true;
        }
    }
}
