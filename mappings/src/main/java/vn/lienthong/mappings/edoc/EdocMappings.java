package vn.lienthong.mappings.edoc;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import org.w3c.dom.Element;

/**
 * The old e-doc.vn protocol mapping, version 1: reads the definition files under
 * {@code mappings/edoc/v1/} and applies them. Dialects are tried 512, hub, then 2803 (the fallback); the
 * adapter emits only the hub dialect.
 */
public final class EdocMappings {

    public static final String VERSION = "v1";
    private static final String BASE = "mappings/edoc/" + VERSION + "/";

    private final List<DialectDefinition> dialects;
    private final Map<String, String> legacyToQcvn = new TreeMap<>();
    private final Map<String, String> qcvnToLegacy = new TreeMap<>();
    private final Properties errorPaths;
    private final Properties output;

    private EdocMappings() {
        output = load("output.properties");
        Set<String> notSecret = new HashSet<>();
        for (String v : DialectDefinition.alternatives(output.getProperty("secret.not-secret-values", ""))) {
            notSecret.add(v.toLowerCase(Locale.ROOT));
        }
        BusinessDefinition business = new BusinessDefinition(load("business.properties"));
        dialects = List.of(new DialectDefinition(load("dialect-512.properties"), notSecret, business),
                new DialectDefinition(load("dialect-hub.properties"), notSecret, business),
                new DialectDefinition(load("dialect-2803.properties"), notSecret, business));
        load("status-codes.properties").forEach((k, v) -> {
            legacyToQcvn.put((String) k, (String) v);
            qcvnToLegacy.put((String) v, (String) k);
        });
        errorPaths = load("error-paths.properties");
    }

    private static final class Holder {
        static final EdocMappings INSTANCE = new EdocMappings();
    }

    public static EdocMappings v1() {
        return Holder.INSTANCE;
    }

    /**
     * Maps a SendDocument's SOAP Header (holding {@code MessageHeader} and {@code TraceHeaderList}).
     *
     * @throws MappingException when MessageHeader is absent or a value has the wrong type
     */
    public MappedMessage mapSendDocument(Element soapHeader) {
        Element messageHeader = soapHeader == null ? null : XmlPath.first(soapHeader, "MessageHeader");
        if (messageHeader == null) {
            throw new MappingException("N.MessageHeader", "MessageHeader is required");
        }
        for (DialectDefinition d : dialects) {
            if (d.recognises(soapHeader, messageHeader)) {
                return d.map(soapHeader, messageHeader);
            }
        }
        return dialects.get(dialects.size() - 1).map(soapHeader, messageHeader);
    }

    /** Legacy {@code 5} → QCVN {@code 05}; empty for codes the mapping does not know. */
    public Optional<String> statusToQcvn(String legacyCode) {
        if (legacyCode == null) {
            return Optional.empty();
        }
        String t = legacyCode.trim().replaceFirst("^0+(?=\\d)", "");
        return Optional.ofNullable(legacyToQcvn.get(t));
    }

    /** QCVN {@code 05} → legacy {@code 5}. */
    public Optional<String> statusToLegacy(String qcvnCode) {
        return Optional.ofNullable(qcvnCode == null ? null : qcvnToLegacy.get(qcvnCode.trim()));
    }

    /**
     * Turns an adapter validation code ({@code N.document/subject}, {@code M.document/recipient[2]/organId}) into
     * the legacy form ({@code N.MessageHeader.Subject}); unknown paths keep the family with the path dotted.
     */
    public String legacyErrorCode(String adapterCode) {
        return legacyErrorCode(adapterCode, null);
    }

    /**
     * As {@link #legacyErrorCode(String)}, first looking the path up under {@code scope/} — for adapter
     * operations whose fields live in different legacy elements depending on the request (a recall's
     * {@code documentId} is {@code TraceHeaderList.Business.DocumentId} in SendDocument and
     * {@code Status.ResponseFor.DocumentId} in UpdateTraces).
     */
    public String legacyErrorCode(String adapterCode, String scope) {
        if (adapterCode == null || adapterCode.length() < 3 || adapterCode.charAt(1) != '.') {
            return adapterCode;
        }
        String family = adapterCode.substring(0, 2);
        String path = adapterCode.substring(2).replaceAll("\\[\\d+]", "");
        String legacy = scope == null ? null : errorPaths.getProperty(scope + "/" + path);
        if (legacy == null) {
            legacy = errorPaths.getProperty(path);
        }
        return family + (legacy != null ? legacy : path.replace('/', '.'));
    }

    public DateTimeFormatter dateFormat() {
        return DateTimeFormatter.ofPattern(output.getProperty("date-format"));
    }

    public DateTimeFormatter timestampFormat() {
        return DateTimeFormatter.ofPattern(output.getProperty("timestamp-format"));
    }

    public DateTimeFormatter tracePromulgationDateFormat() {
        return DateTimeFormatter.ofPattern(output.getProperty("trace-promulgation-date-format"));
    }

    public String businessElement() {
        return output.getProperty("business-element");
    }

    private static Properties load(String name) {
        Properties p = new Properties();
        try (InputStream in = EdocMappings.class.getClassLoader().getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing mapping definition " + BASE + name);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
