package vn.lienthong.adapter.legacy.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import vn.lienthong.adapter.admin.boundary.AdminApplication;
import vn.lienthong.adapter.admin.boundary.AdminAuthentication;
import vn.lienthong.adapter.admin.control.AdminToken;
import vn.lienthong.adapter.exchange.boundary.DocumentExchangeEndpoint;
import vn.lienthong.adapter.intake.control.SubmissionService;
import vn.lienthong.adapter.vocabulary.Rejection;
import vn.lienthong.adapter.legacy.control.LegacyTokens;
import vn.lienthong.adapter.security.control.TestCredentials;
import vn.lienthong.adapter.security.entity.CallerIdentity;
import vn.lienthong.adapter.security.entity.ClientCredential;
import vn.lienthong.ws.exchange.v1.AcknowledgeIncoming;
import vn.lienthong.ws.exchange.v1.ExchangeFault;
import vn.lienthong.ws.exchange.v1.GetDocumentHistory;
import vn.lienthong.ws.exchange.v1.GetDocumentStatus;
import vn.lienthong.ws.exchange.v1.GetIncomingDocument;
import vn.lienthong.ws.exchange.v1.InboxKind;
import vn.lienthong.ws.exchange.v1.ListIncoming;
import vn.lienthong.ws.exchange.v1.ListOrganisations;
import vn.lienthong.ws.exchange.v1.OutgoingDocument;
import vn.lienthong.ws.exchange.v1.RecallDocument;
import vn.lienthong.ws.exchange.v1.ReportStatus;
import vn.lienthong.ws.exchange.v1.SubmitDocument;

/**
 * Every operation of every face has an authorisation case, and each case runs: the operations are enumerated from
 * the contracts ({@code DocumentExchange.wsdl}, {@code EdocLegacy.wsdl}), the old protocol's dispatch table
 * ({@code EdocEndpoint.ACTIONS}), the token issue and the admin application's resources, and must equal the
 * registry below — a new operation without a case fails this test. Each case names every organisation field of
 * the operation; for each, a request naming an organisation the caller may not act for is refused with
 * {@code AUTH.ORGANISATION} and an {@code AUTHORISATION} audit entry <em>before anything else is reached</em> (the
 * stores behind the faces are absent here: touching one would fail differently), and the same request for the
 * caller's own organisation gets past the check. The behaviour on the real server: {@code AuthorisationOnMicroIT}.
 */
class AuthorisationCoverageTest {

    private static final String OWN = "000.00.00.G22";
    private static final String FOREIGN = "000.00.00.H49";
    private static final String TOKEN = "tok-golden";
    private static final Pattern REPORT_CODE = Pattern.compile("<edXML:Code>([^<]*)</edXML:Code>");

    /** A WS-Security operation called naming {@code organ} in the field the case is about. */
    private interface WsCall {
        void call(DocumentExchangeEndpoint endpoint, String organ) throws Exception;
    }

    /** WS operation -> organisation field -> how to call it naming an organisation there. */
    private static final Map<String, Map<String, WsCall>> WS = Map.of(
            "SubmitDocument", Map.of("document/fromOrganId", (e, o) -> {
                SubmitDocument r = new SubmitDocument();
                OutgoingDocument d = new OutgoingDocument();
                d.setFromOrganId(o);
                r.setDocument(d);
                e.submitDocument(r);
            }),
            "RecallDocument", Map.of("fromOrganId", (e, o) -> {
                RecallDocument r = new RecallDocument();
                r.setFromOrganId(o);
                r.setDocumentId(o + ",2026/11/23,1/X");
                r.setReason("r");
                e.recallDocument(r);
            }),
            "GetDocumentStatus", Map.of("fromOrganId", (e, o) -> {
                GetDocumentStatus r = new GetDocumentStatus();
                r.setFromOrganId(o);
                r.setDocumentId(o + ",2026/11/23,1/X");
                e.getDocumentStatus(r);
            }),
            "GetDocumentHistory", Map.of("organId", (e, o) -> {
                GetDocumentHistory r = new GetDocumentHistory();
                r.setOrganId(o);
                r.setSenderOrganId(o);
                r.setDocumentId(o + ",2026/11/23,1/X");
                e.getDocumentHistory(r);
            }),
            "ListIncoming", Map.of("organId", (e, o) -> {
                ListIncoming r = new ListIncoming();
                r.setOrganId(o);
                r.setKind(InboxKind.DOCUMENT);
                e.listIncoming(r);
            }),
            "GetIncomingDocument", Map.of("organId", (e, o) -> {
                GetIncomingDocument r = new GetIncomingDocument();
                r.setOrganId(o);
                r.setItemId("item");
                e.getIncomingDocument(r);
            }),
            "AcknowledgeIncoming", Map.of("organId", (e, o) -> {
                AcknowledgeIncoming r = new AcknowledgeIncoming();
                r.setOrganId(o);
                r.setItemId("item");
                e.acknowledgeIncoming(r);
            }),
            "ReportStatus", Map.of("organId", (e, o) -> {
                ReportStatus r = new ReportStatus();
                r.setOrganId(o);
                r.setSenderOrganId("000.00.00.H41");
                r.setDocumentId("000.00.00.H41,2026/11/23,1/X");
                r.setStatusCode("03");
                e.reportStatus(r);
            }));
    /** WS operations that name no organisation: an authenticated, known caller is all they need. */
    private static final Set<String> WS_NAMING_NONE = Set.of("ListOrganisations");

    /**
     * Old-protocol action -> its golden request -> the organisation fields it names. {@code OrganId} is the token's
     * own organisation: "foreign" there means a token whose grant exceeds its issuer's authority (the issue 9
     * attack), since a token for another organisation does not authenticate at all.
     */
    private static final Map<String, LegacyCase> LEGACY = Map.of(
            "SendDocument", new LegacyCase("SendDocument.request.txt", List.of("OrganId", "MessageHeader/From/OrganId")),
            "UpdateTraces", new LegacyCase("UpdateTraces.request.xml", List.of("OrganId", "Status/From/OrganId")),
            "GetPendingDocumentIds", new LegacyCase("GetPendingDocumentIds.request.xml", List.of("OrganId")),
            "GetDocument", new LegacyCase("GetDocument.request.xml", List.of("OrganId")),
            "ConfirmReceived", new LegacyCase("ConfirmReceived.request.xml", List.of("OrganId")),
            "GetTraces", new LegacyCase("GetTraces.request.xml", List.of("OrganId")),
            "CheckPermission", new LegacyCase("CheckPermission.request.xml", List.of("OrganId")),
            "GetOrganizations", new LegacyCase("GetOrganizations.request.xml", List.of("OrganId")));

    private record LegacyCase(String request, List<String> fields) {
    }

    private static final String TOKEN_ISSUE = "IssueToken";

    @TempDir
    Path spool;

    // ------------------------------------------------------------------ completeness

    @Test
    void everyOperationOfEveryFaceHasAnAuthorisationCase() throws Exception {
        Set<String> wsContract = operations("wsdl/DocumentExchange.wsdl");
        Set<String> legacyContract = operations("wsdl/EdocLegacy.wsdl");
        assertFalse(wsContract.isEmpty());
        assertEquals(legacyContract, new TreeSet<>(EdocEndpoint.ACTIONS),
                "the old protocol's dispatch table and its WSDL name the same operations");

        Set<String> wsCases = new TreeSet<>(WS.keySet());
        wsCases.addAll(WS_NAMING_NONE);
        assertEquals(wsContract, wsCases, "WS-Security operations without (or with stale) authorisation cases");
        assertEquals(legacyContract, new TreeSet<>(LEGACY.keySet()),
                "old-protocol operations without (or with stale) authorisation cases");
        WS.forEach((op, fields) -> assertFalse(fields.isEmpty(), op));
        LEGACY.forEach((op, c) -> assertTrue(c.fields().contains("OrganId"), op + ": the token's organisation"));
    }

    // ------------------------------------------------------------------ WS-Security face

    @TestFactory
    Stream<DynamicTest> wsOperationsRefuseAForeignOrganisationBeforeTouchingAnything() {
        List<DynamicTest> tests = new ArrayList<>();
        WS.forEach((op, fields) -> fields.forEach((field, call) -> tests.add(dynamicTest(op + " " + field, () -> {
            TestCredentials store = new TestCredentials().own("clerk", OWN);
            DocumentExchangeEndpoint endpoint = wsEndpoint(store);
            ExchangeFault refused = assertThrows(ExchangeFault.class, () -> call.call(endpoint, FOREIGN));
            assertEquals("AUTH.ORGANISATION", refused.getFaultInfo().getCode(), refused.getMessage());
            assertEquals(field, refused.getFaultInfo().getField());
            assertEquals(1, store.authorisationRefusals().size(), store.audited.toString());
            assertTrue(store.authorisationRefusals().get(0).contains("operation=" + op + ";"),
                    store.authorisationRefusals().get(0));

            // The same request for the caller's own organisation passes the check (and only then hits the absent
            // store): the refusal above is about the organisation, not a blanket one.
            ExchangeFault own = assertThrows(ExchangeFault.class, () -> call.call(endpoint, OWN));
            assertFalse(own.getFaultInfo().getCode().startsWith("AUTH."), own.getMessage());
        }))));
        return tests.stream();
    }

    @Test
    void listOrganisationsNamesNoOrganisationButNeedsAKnownCaller() throws Exception {
        TestCredentials store = new TestCredentials().own("clerk", OWN);
        DocumentExchangeEndpoint anonymous = new DocumentExchangeEndpoint(submissions(store), null, store.audit, null,
                null, () -> new CallerIdentity("nobody", null));
        ExchangeFault f = assertThrows(ExchangeFault.class, () -> anonymous.listOrganisations(new ListOrganisations()));
        assertEquals("AUTH.UNKNOWN", f.getFaultInfo().getCode());
    }

    private static DocumentExchangeEndpoint wsEndpoint(TestCredentials store) throws Exception {
        return new DocumentExchangeEndpoint(submissions(store), null, store.audit, null, null,
                () -> new CallerIdentity("clerk", null, "192.0.2.7"));
    }

    private static SubmissionService submissions(TestCredentials store) throws Exception {
        return LegacyRecallFlowTest.inject(new SubmissionService(), Map.of("credentials", store, "audit", store.audit,
                "authority", store.authority));
    }

    // ------------------------------------------------------------------ the old e-doc.vn protocol

    @TestFactory
    Stream<DynamicTest> legacyOperationsRefuseAForeignOrganisationBeforeTouchingAnything() {
        List<DynamicTest> tests = new ArrayList<>();
        LEGACY.forEach((action, c) -> c.fields().forEach(field -> tests.add(dynamicTest(action + " " + field, () -> {
            TestCredentials store = new TestCredentials().own("clerk", OWN);
            String request = new String(Golden.bytes(c.request()), StandardCharsets.UTF_8);
            if (field.equals("OrganId")) {
                // Issued before the fix by a client that may act for OWN only, granting FOREIGN too.
                store.delegated("legacy:" + OWN, ClientCredential.CREDENTIAL_GRANTOR + "clerk", OWN, FOREIGN);
            } else {
                store.delegated("legacy:" + OWN, ClientCredential.ADMIN_GRANTOR, OWN);
                request = namingForeign(request, field);
            }
            String refused = answer(store, action, request);
            assertEquals(List.of("AUTH.ORGANISATION"), codes(refused), refused);
            assertEquals(1, store.authorisationRefusals().size(), store.audited.toString());
            assertTrue(store.authorisationRefusals().get(0).contains("face=LEGACY; operation=" + action + ";"),
                    store.authorisationRefusals().get(0));
            assertTrue(store.audited.stream().anyMatch(l -> l.contains(" LEGACY_" + action.toUpperCase()
                    + " ") && l.contains(" REFUSED AUTH.ORGANISATION ")), store.audited.toString());

            // A token granted within its issuer's organisations, the request as the golden file has it: past the
            // check (the absent store answers M.Internal).
            TestCredentials valid = new TestCredentials().own("clerk", OWN)
                    .delegated("legacy:" + OWN, ClientCredential.CREDENTIAL_GRANTOR + "clerk", OWN);
            String own = answer(valid, action, new String(Golden.bytes(c.request()), StandardCharsets.UTF_8));
            assertTrue(valid.authorisationRefusals().isEmpty(), valid.audited.toString());
            assertNotEquals(List.of("AUTH.ORGANISATION"), codes(own), own);
        }))));
        return tests.stream();
    }

    private static String namingForeign(String request, String field) {
        // Both MessageHeader/From and Status/From: the first OrganId inside a From element.
        String replaced = request.replaceFirst("(<edXML:From>\\s*<edXML:OrganId>)" + Pattern.quote(OWN),
                "$1" + FOREIGN);
        assertNotEquals(request, replaced, field + " not found in the golden request");
        return replaced;
    }

    private String answer(TestCredentials store, String action, String request) throws Exception {
        LegacyTokens tokens = new LegacyTokens() {
            @Override
            public Optional<CallerIdentity> authenticate(String organId, String token, String clientAddress) {
                return TOKEN.equals(token) ? Optional.of(new CallerIdentity("legacy:" + organId, null))
                        : Optional.empty();
            }

            @Override
            public boolean locked(String organId, String clientAddress) {
                return false;
            }
        };
        EdocEndpoint endpoint = LegacyWiring.endpoint(Map.of("tokens", tokens,
                "audit", store.audit, "authority", store.authority));
        boolean swa = request.startsWith("--");
        byte[] raw = (swa ? request.replace("\r\n", "\n").replace("\n", "\r\n") : request)
                .getBytes(StandardCharsets.UTF_8);
        try (SwaMessage message = new SwaReader(1 << 20, 1 << 20, 5).read(swa
                ? "multipart/related; type=\"text/xml\"; boundary=MIMEBoundary_b1; start=\"Start\""
                : "text/xml; charset=utf-8", new ByteArrayInputStream(raw), spool.resolve("s" + System.nanoTime()))) {
            LegacyReply reply = endpoint.answer(action, LegacyEnvelope.of(SafeXml.parse(message.envelope())), message);
            return new String(reply.envelope(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> codes(String report) {
        List<String> codes = new ArrayList<>();
        Matcher m = REPORT_CODE.matcher(report);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    // ------------------------------------------------------------------ token issue

    @Test
    void aClientIssuesTokensOnlyForOrganisationsItMayActFor() throws Exception {
        TestCredentials store = new TestCredentials().own("clerk", OWN);
        LegacyTokens tokens = LegacyRecallFlowTest.inject(new LegacyTokens(), Map.of("audit", store.audit,
                "authority", store.authority));
        CallerIdentity clerk = new CallerIdentity("clerk", null, "192.0.2.7");
        for (List<String> grant : List.of(List.of(OWN, FOREIGN), List.of(FOREIGN))) {
            Rejection r = assertThrows(Rejection.class, () -> tokens.issueBy(clerk, grant.get(0),
                    grant.subList(1, grant.size()), null));
            assertEquals("AUTH.ORGANISATION", r.code());
        }
        assertEquals(2, store.authorisationRefusals().size());
        assertTrue(store.authorisationRefusals().get(0).contains("face=TOKEN_ISSUE; operation=" + TOKEN_ISSUE),
                store.authorisationRefusals().get(0));
        // Its own organisation passes the check and reaches the (absent) store.
        assertThrows(NullPointerException.class, () -> tokens.issueBy(clerk, OWN, List.of(), null));
    }

    // ------------------------------------------------------------------ admin

    /**
     * The admin face acts for every organisation, with the admin bearer token: every resource of the admin
     * application is behind {@link AdminAuthentication}, a global filter (no name binding), which refuses a
     * request without the token.
     */
    @TestFactory
    Stream<DynamicTest> everyAdminOperationNeedsTheAdminBearer() {
        Set<Class<?>> classes = new AdminApplication().getClasses();
        assertTrue(classes.contains(AdminAuthentication.class));
        assertNotNull(AdminAuthentication.class.getAnnotation(Provider.class));
        assertTrue(Stream.of(AdminAuthentication.class.getAnnotations())
                .noneMatch(a -> a.annotationType().isAnnotationPresent(NameBinding.class)), "applies to every resource");
        List<DynamicTest> tests = new ArrayList<>();
        for (Class<?> resource : classes) {
            jakarta.ws.rs.Path base = resource.getAnnotation(jakarta.ws.rs.Path.class);
            if (base == null) {
                continue;
            }
            for (Method m : resource.getDeclaredMethods()) {
                String verb = m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(POST.class) ? "POST"
                        : m.isAnnotationPresent(PUT.class) ? "PUT" : m.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
                if (verb == null) {
                    continue;
                }
                jakarta.ws.rs.Path sub = m.getAnnotation(jakarta.ws.rs.Path.class);
                String path = base.value() + (sub == null ? "" : "/" + sub.value());
                tests.add(dynamicTest("admin " + verb + " " + path, () -> assertRefusedWithoutBearer(verb, path)));
            }
        }
        assertFalse(tests.isEmpty());
        return tests.stream();
    }

    /**
     * The filter refuses and audits a request without the bearer token. (It answers 401 through the JAX-RS
     * runtime, which only the server has: here the refusal shows as the audit entry and the attempt to build that
     * answer; the 401 itself is asserted on Payara Micro.)
     */
    private static void assertRefusedWithoutBearer(String verb, String path) throws Exception {
        TestCredentials store = new TestCredentials();
        AdminAuthentication filter = LegacyRecallFlowTest.inject(new AdminAuthentication(), Map.of(
                "token", new AdminToken(), "audit", store.audit));
        AtomicReference<Object> aborted = new AtomicReference<>();
        UriInfo uri = (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (p, m, a) -> m.getName().equals("getPath") ? path : m.getName().equals("getRequestUri")
                        ? URI.create("http://localhost/lienthong/admin/" + path) : null);
        ContainerRequestContext request = (ContainerRequestContext) Proxy.newProxyInstance(
                ContainerRequestContext.class.getClassLoader(), new Class<?>[] {ContainerRequestContext.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getMethod" -> verb;
                    case "getUriInfo" -> uri;
                    case "getHeaderString" -> null;
                    case "abortWith" -> {
                        aborted.set(a[0]);
                        yield null;
                    }
                    default -> null;
                });
        try {
            filter.filter(request);
            assertNotNull(aborted.get(), "aborted");
        } catch (RuntimeException e) {
            assertTrue(String.valueOf(e.getMessage()).contains("RuntimeDelegate"), e.toString());
        }
        assertEquals(1, store.audited.size(), "the refusal is audited");
        assertTrue(store.audited.get(0).contains(" ADMIN null REFUSED AUTH.ADMIN | " + verb), store.audited.get(0));
    }

    // ------------------------------------------------------------------ contracts

    private static Set<String> operations(String wsdl) throws Exception {
        Set<String> names = new TreeSet<>();
        try (InputStream in = AuthorisationCoverageTest.class.getClassLoader().getResourceAsStream(wsdl)) {
            assertNotNull(in, wsdl);
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList portTypes = f.newDocumentBuilder().parse(in)
                    .getElementsByTagNameNS("http://schemas.xmlsoap.org/wsdl/", "portType");
            for (int i = 0; i < portTypes.getLength(); i++) {
                NodeList ops = ((Element) portTypes.item(i)).getElementsByTagNameNS("http://schemas.xmlsoap.org/wsdl/",
                        "operation");
                for (int j = 0; j < ops.getLength(); j++) {
                    names.add(((Element) ops.item(j)).getAttribute("name"));
                }
            }
        }
        return names;
    }
}
