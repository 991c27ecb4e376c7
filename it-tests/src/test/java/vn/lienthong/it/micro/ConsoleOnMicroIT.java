package vn.lienthong.it.micro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.Reader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import vn.lienthong.axis.simulator.FaultMode;
import vn.lienthong.axis.simulator.FaultRule;
import vn.lienthong.it.support.AdapterDatabase;
import vn.lienthong.it.support.AdapterOnMicro;
import vn.lienthong.it.support.Await;
import vn.lienthong.it.support.AxisSimulatorExtension;
import vn.lienthong.it.support.ConsoleBrowser;
import vn.lienthong.it.support.CounterpartSystem;
import vn.lienthong.it.support.Documents;
import vn.lienthong.it.support.LegacyClient;
import vn.lienthong.it.support.RawHttp;
import vn.lienthong.it.support.TlsKeyStoreExtension;
import vn.lienthong.ws.exchange.v1.SubmitDocument;

/**
 * The operations console as a person uses it, in a real headless Chromium against the real WAR on Payara Micro
 * over HTTPS: sign in, find a document sent through the SOAP face and watch its statuses arrive, re-queue a dead
 * document, see this month's statistics and download their XLSX export (both checked against the store), and
 * the refusals — a viewer may not act nor see other organisations, a form without its token is
 * refused, wrong passwords lock the account. Screenshots of the main pages go to target/console-screenshots.
 */
class ConsoleOnMicroIT extends AdapterOnMicro {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @BeforeAll
    static void browserInstalled() {
        ConsoleBrowser.requireInstalled();
    }

    @Test
    void anAdministratorFollowsADocumentAndRequeuesADeadOne() throws Exception {
        try (ConsoleBrowser b = ConsoleBrowser.open(console(""))) {
            b.driver.get(console("login").toString());
            b.screenshot("login");
            signIn(b, admin().getProperty("username"), "not-the-password");
            assertEquals("AUTH.PASSWORD", b.text("#refusal-code"));

            signIn(b, admin().getProperty("username"), admin().getProperty("password"));
            assertTrue(b.text("#who").startsWith("demo-admin"), "signed in: " + b.text("#who"));
            Cookie session = b.driver.manage().getCookieNamed("LTCONSOLE");
            assertNotNull(session, "session cookie");
            assertTrue(session.isHttpOnly() && session.isSecure(), "HttpOnly and Secure");
            assertEquals("Strict", session.getSameSite());

            // A document sent through the SOAP face, found by its id, its statuses arriving on its page.
            SubmitDocument request = Documents.newDocument(demo.organId(), AxisSimulatorExtension.PLAYED_ORGAN);
            String documentId = service.submitDocument(request).getDocumentId();
            b.driver.get(console("documents").toString());
            b.find("input[name=number]").sendKeys(request.getDocument().getCodeNumber());
            b.clickThrough("#search-submit");
            assertTrue(b.present("tr[data-document-id='" + documentId + "']"), "found by its number");
            b.screenshot("documents");
            b.clickThrough("tr[data-document-id='" + documentId + "'] a.doc-link");
            assertEquals(documentId, b.text("#doc-id"));
            Await.until("status 06 of the recipient on the page", WAIT, () -> {
                b.driver.navigate().refresh();
                return Optional.of(b.text("#recipients tr[data-organ='" + AxisSimulatorExtension.PLAYED_ORGAN
                        + "'] td.status")).filter("06"::equals);
            });
            List<String> statuses = b.driver.findElements(By.cssSelector("#timeline tr[data-kind=STATUS]")).stream()
                    .map(e -> e.getAttribute("data-code")).toList();
            assertEquals(List.of("01", "03", "04", "05", "06"), statuses);
            assertTrue(b.present("#timeline tr[data-kind=ACCEPTED]") && b.present("#timeline tr[data-kind=ATTEMPT]"));
            assertEquals("SENT", b.text("#doc-state"));
            assertEquals("INTACT", b.text("#doc-package-check"));
            assertEquals("VALID", b.text("#doc-signature"));
            assertTrue(b.text("#doc-created").endsWith("+07:00"), "Vietnam time: " + b.text("#doc-created"));
            b.screenshot("document");

            // The axis refuses one package: the document is dead, an administrator re-queues it, it goes out.
            AxisSimulatorExtension.simulator().faults()
                    .add(FaultRule.of(FaultMode.FAIL).on("sendEdoc").answer("INVALID_PACKAGE", "refused").times(1));
            String deadId = service.submitDocument(Documents.newDocument(demo.organId(),
                    AxisSimulatorExtension.PLAYED_ORGAN)).getDocumentId();
            Await.until("the refused document in the outbox's dead list", WAIT, () -> {
                b.driver.get(console("outbox").toString());
                return Optional.of(b.present("#dead-list tr[data-document-id='" + deadId + "']")).filter(x -> x);
            });
            b.screenshot("outbox");
            b.clickThrough("#dead-list tr[data-document-id='" + deadId + "'] a.doc-link");
            assertEquals("DEAD", b.text("#doc-state"));
            String deadPage = b.driver.getCurrentUrl();
            b.clickThrough("#requeue");
            assertTrue(b.present("#action-result"), () -> "re-queued: " + b.text("main"));
            Await.until("the re-queued document sent", WAIT, () -> {
                b.driver.get(deadPage); // not a refresh: that would send the re-queue form again
                return Optional.of(b.text("#doc-state")).filter("SENT"::equals);
            });

            // The dashboard: counts, the chart drawn by Chart.js under the CSP, completeness.
            b.driver.get(console("").toString());
            assertTrue(Long.parseLong(b.text("#sent-today")) >= 2, "sent today: " + b.text("#sent-today"));
            Await.until("the chart drawn", WAIT, () -> Optional.ofNullable(
                    b.find("#daily-chart").getAttribute("data-drawn")));
            assertTrue(b.present("#completeness tbody tr"), "completeness per counterpart");
            Await.until("the completeness chart drawn", WAIT, () -> Optional.ofNullable(
                    b.find("#completeness-chart").getAttribute("data-drawn")));
            AdapterDatabase store = new AdapterDatabase(AxisSimulatorExtension.dataDir());
            assertEquals(Long.toString(store.count("SELECT COUNT(*) FROM document WHERE direction = 'OUT'"
                    + " AND message_type = 'EDOC' AND created_at >= ?", monthStart())), b.text("#sent-month"));
            b.screenshot("dashboard");

            // Its statuses settle first, so the figures below stand still while they are compared.
            Await.until("status 06 of the re-queued document", WAIT, () -> {
                b.driver.get(deadPage);
                return Optional.of(b.text("#recipients tr[data-organ='" + AxisSimulatorExtension.PLAYED_ORGAN
                        + "'] td.status")).filter("06"::equals);
            });

            // Statistics of this month for the sender's organisation: the figure shown and the XLSX export, both
            // checked against the store; the XLSX is a plain GET link the session cookie authenticates.
            b.driver.get(console("statistics").toString());
            new org.openqa.selenium.support.ui.Select(b.find("#stats-form select[name=organisation]"))
                    .selectByValue(demo.organId());
            b.clickThrough("#stats-submit");
            AdapterDatabase db = new AdapterDatabase(AxisSimulatorExtension.dataDir());
            long sentInStore = db.count("SELECT COUNT(*) FROM document WHERE direction = 'OUT'"
                    + " AND message_type = 'EDOC' AND business_type = 0 AND sender_organ_id = ?", demo.organId());
            assertTrue(sentInStore >= 2, "sent in the store: " + sentInStore);
            assertEquals(Long.toString(sentInStore), b.text("#stats-0 tr[data-item=documents] td.sent"));
            assertEquals(Long.toString(completePairs(db)), b.text("#stats-0 tr[data-item=complete] td.sent"));
            b.screenshot("statistics");
            String xlsxLink = b.find("#stats-xlsx").getAttribute("href");
            assertFalse(xlsxLink.contains("token") || xlsxLink.contains("csrf"), "nothing secret in " + xlsxLink);
            HttpResponse<byte[]> xlsx = download(xlsxLink, b.driver.manage().getCookieNamed("LTCONSOLE"));
            assertEquals(200, xlsx.statusCode());
            assertTrue(xlsx.headers().firstValue("Content-Disposition").orElse("").contains(".xlsx"));
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                Sheet sheet = wb.getSheetAt(0);
                assertEquals("Gửi đi: Văn bản mới", sheet.getRow(0).getCell(3).getStringCellValue());
                assertEquals(sentInStore, (long) sheet.getRow(1).getCell(3).getNumericCellValue());
                assertEquals(completePairs(db), (long) sheet.getRow(1).getCell(
                        column(sheet, "Gửi đi: Phản hồi đầy đủ (đến 06 hoặc từ chối 02)")).getNumericCellValue());
            }
            // Without the session the same link leads to the sign-in page, never to the figures.
            HttpResponse<byte[]> anonymous = download(xlsxLink, null);
            assertFalse(anonymous.headers().firstValue("Content-Type").orElse("").contains("spreadsheetml"));
            // A bad period shows its stable code on the page, under the form.
            b.driver.get(console("statistics?month=2026-13").toString());
            assertEquals("STATS.BAD_DATE", b.text("#refusal-code"));
            assertTrue(b.present("#stats-form"));

            // Every console action is in the audit trail with the user's name.
            b.driver.get(console("audit?actor=console:demo-admin").toString());
            String audit = b.text("#audit");
            assertTrue(audit.contains("CONSOLE_REQUEUE") && audit.contains("CONSOLE_LOGIN")
                    && audit.contains("CONSOLE_STATISTICS_EXPORT"), audit);
            b.clickThrough("#verify");
            assertEquals("INTACT", b.text("#chain-state"));
            b.screenshot("audit");

            // English on request.
            b.clickThrough("#lang");
            assertEquals("Dashboard", b.text("main h1"));
            b.driver.get(console("credentials").toString());
            b.screenshot("credentials");
        }
    }

    @Test
    void aViewerMayNeitherActNorSeeOtherOrganisations() throws Exception {
        String deadKey;
        String viewerPassword;
        String strangerPassword;
        try (ConsoleBrowser b = ConsoleBrowser.open(console(""))) {
            signIn(b, admin().getProperty("username"), admin().getProperty("password"));
            viewerPassword = createUser(b, "viewer-g22", "viewer", demo.organId());
            strangerPassword = createUser(b, "viewer-z99", "viewer", "000.00.00.Z99");
            b.screenshot("users");
            AxisSimulatorExtension.simulator().faults()
                    .add(FaultRule.of(FaultMode.FAIL).on("sendEdoc").answer("INVALID_PACKAGE", "refused").times(1));
            String deadId = service.submitDocument(Documents.newDocument(demo.organId(),
                    AxisSimulatorExtension.PLAYED_ORGAN)).getDocumentId();
            deadKey = Await.until("the refused document dead", WAIT, () -> {
                b.driver.get(console("outbox").toString());
                List<WebElement> link = b.driver.findElements(
                        By.cssSelector("#dead-list tr[data-document-id='" + deadId + "'] a.doc-link"));
                return link.isEmpty() ? Optional.empty() : Optional.of(link.get(0).getAttribute("href"));
            });
        }
        try (ConsoleBrowser b = ConsoleBrowser.open(console(""))) {
            signIn(b, "viewer-g22", viewerPassword);
            b.driver.get(deadKey);
            assertEquals("DEAD", b.text("#doc-state"));
            assertFalse(b.present("#requeue") || b.present("#recall"), "no action for a viewer");
            b.driver.get(console("outbox").toString());
            assertFalse(b.present("button.requeue"));
            // A forged re-queue with the right form token: refused by role, the document stays dead.
            postWithToken(b, deadKey + "/requeue", true);
            assertEquals("AUTH.ROLE", b.text("#refusal-code"));
            b.driver.get(deadKey);
            assertEquals("DEAD", b.text("#doc-state"));
            b.driver.get(console("credentials").toString());
            assertEquals("AUTH.ROLE", b.text("#refusal-code"));

            // The statistics page offers only the viewer's organisation; its figures and downloads are its own.
            b.driver.get(console("statistics").toString());
            assertEquals(List.of("", demo.organId()), options(b, "#stats-form select[name=organisation]"));
            AdapterDatabase db = new AdapterDatabase(AxisSimulatorExtension.dataDir());
            long sentInStore = db.count("SELECT COUNT(*) FROM document WHERE direction = 'OUT'"
                    + " AND message_type = 'EDOC' AND business_type = 0 AND sender_organ_id = ?", demo.organId());
            assertEquals(Long.toString(sentInStore), b.text("#stats-0 tr[data-item=documents] td.sent"));
            b.screenshot("statistics-viewer");
            Cookie session = b.driver.manage().getCookieNamed("LTCONSOLE");
            HttpResponse<byte[]> xlsx = download(b.find("#stats-xlsx").getAttribute("href"), session);
            assertEquals(200, xlsx.statusCode());
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                assertEquals(sentInStore, (long) wb.getSheetAt(0).getRow(1).getCell(3).getNumericCellValue());
            }
            HttpResponse<byte[]> csv = download(b.find("#stats-csv").getAttribute("href"), session);
            assertEquals(200, csv.statusCode());
            assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
            HttpResponse<byte[]> report = download(b.find("#stats-report").getAttribute("href"), session);
            assertEquals(200, report.statusCode());
            assertTrue(new String(report.body(), StandardCharsets.UTF_8).contains(demo.organId()));
        }
        try (ConsoleBrowser b = ConsoleBrowser.open(console(""))) {
            signIn(b, "viewer-z99", strangerPassword);
            b.driver.get(console("documents").toString());
            assertEquals("0", b.text("#result-count strong"), "no document of another organisation listed");
            b.driver.get(console("").toString());
            assertEquals("0", b.text("#sent-today"));
            assertEquals("0", b.text("#dead"));
            assertFalse(b.present("#completeness tbody tr"), "no counterpart of another organisation");
            b.driver.get(console("outbox").toString());
            assertFalse(b.present("tr[data-document-id]"), "nothing of another organisation in the outbox");
            b.driver.get(console("inbox").toString());
            assertFalse(b.present("#inbox tbody tr"), "nothing of another organisation in the inbox");
            b.driver.get(console("audit").toString());
            assertFalse(b.text("#audit").contains(demo.organId()), "no audit entry of another organisation");

            // Statistics: the other organisation is not offered, and asking for it anyway is refused — on the
            // page and on every download — with its code, never a figure.
            b.driver.get(console("statistics").toString());
            assertEquals(List.of(""), options(b, "#stats-form select[name=organisation]"));
            b.driver.get(console("statistics?month=" + YearMonth.now(VIETNAM) + "&organisation="
                    + demo.organId()).toString());
            assertEquals("STATS.FORBIDDEN_ORGANISATION", b.text("#refusal-code"));
            assertFalse(b.present("#stats-0"), "no figure of another organisation");
            Cookie session = b.driver.manage().getCookieNamed("LTCONSOLE");
            for (String download : List.of("export.xlsx", "export.csv", "report")) {
                HttpResponse<byte[]> refused = download(console("statistics/" + download + "?month="
                        + YearMonth.now(VIETNAM) + "&organisation=" + demo.organId()).toString(), session);
                assertEquals(403, refused.statusCode(), download);
                assertCleanRefusal(refused, "STATS.FORBIDDEN_ORGANISATION");
            }

            // Another organisation's document by its address: a clean refusal page (403, its code, no trace).
            b.driver.get(deadKey);
            assertEquals("AUTH.ORGANISATION", b.text("#refusal-code"));
            assertCleanRefusal(download(deadKey, session), "AUTH.ORGANISATION");
            // Nor may it act on it, form token or not.
            postWithToken(b, deadKey + "/requeue", true);
            assertEquals("AUTH.ORGANISATION", b.text("#refusal-code"));
        }
        // Each of those refusals is in the audit trail under the viewer's name; the document is still dead.
        try (ConsoleBrowser b = ConsoleBrowser.open(console(""))) {
            signIn(b, admin().getProperty("username"), admin().getProperty("password"));
            // Audit entries join the hash chain moments after they are written: the page lists chained ones.
            List<String> refusals = Await.until("the viewer's refusals in the audit trail", WAIT, () -> {
                List<String> rows = auditRows(b, "console:viewer-z99").stream()
                        .filter(t -> t.contains("REFUSED")).toList();
                return rows.stream().filter(t -> t.contains("STATS.FORBIDDEN_ORGANISATION")).count() >= 4
                        && rows.stream().anyMatch(t -> t.contains("/requeue")) ? Optional.of(rows) : Optional.empty();
            });
            assertTrue(refusals.stream().anyMatch(t -> t.contains("CONSOLE_REFUSAL")
                    && t.contains("AUTH.ORGANISATION") && t.contains("/requeue")), refusals.toString());
            assertTrue(refusals.stream().filter(t -> t.contains("CONSOLE_REFUSAL") && t.contains("AUTH.ORGANISATION"))
                    .count() >= 2, "page and action refusals: " + refusals);
            assertTrue(refusals.stream().filter(t -> t.contains("STATS.FORBIDDEN_ORGANISATION")).count() >= 4,
                    "the page and the three downloads: " + refusals);
            b.driver.get(deadKey);
            assertEquals("DEAD", b.text("#doc-state"));

            // The administrator re-queues it from the outbox's dead list (the button in the row): it goes out.
            b.driver.get(console("outbox").toString());
            String deadId = b.find("#dead-list a.doc-link[href='" + new URL(deadKey).getPath() + "']")
                    .findElement(By.xpath("./ancestor::tr")).getAttribute("data-document-id");
            b.clickThrough("#dead-list tr[data-document-id='" + deadId + "'] button.requeue");
            assertTrue(b.present("#action-result"), () -> b.text("main"));
            Await.until("the re-queued document sent", WAIT, () -> {
                b.driver.get(deadKey);
                return Optional.of(b.text("#doc-state")).filter("SENT"::equals);
            });
        }
    }

    @Test
    void aFormWithoutItsTokenIsRefusedAndWrongPasswordsLockTheAccount() throws Exception {
        String password;
        try (ConsoleBrowser b = ConsoleBrowser.open(console(""))) {
            signIn(b, admin().getProperty("username"), admin().getProperty("password"));
            password = createUser(b, "operator-lock", "operator", demo.organId());
            // The same form without its hidden token: refused, nothing created.
            b.driver.get(console("users").toString());
            ((JavascriptExecutor) b.driver).executeScript(
                    "document.querySelector('#user-create input[name=_csrf]').remove();");
            b.find("#user-create input[name=username]").sendKeys("never-created");
            b.clickThrough("#user-create button");
            assertEquals("AUTH.CSRF", b.text("#refusal-code"));
            // A wrong token, and a token of another session (the same administrator signed in elsewhere): refused.
            String otherSessionsToken;
            try (ConsoleBrowser other = ConsoleBrowser.open(console(""))) {
                signIn(other, admin().getProperty("username"), admin().getProperty("password"));
                otherSessionsToken = other.find("#logout input[name=_csrf]").getAttribute("value");
            }
            for (String forged : List.of("A".repeat(43), otherSessionsToken)) {
                b.driver.get(console("users").toString());
                ((JavascriptExecutor) b.driver).executeScript(
                        "document.querySelector('#user-create input[name=_csrf]').value = arguments[0];", forged);
                b.find("#user-create input[name=username]").sendKeys("never-created");
                b.clickThrough("#user-create button");
                assertEquals("AUTH.CSRF", b.text("#refusal-code"));
            }
            b.driver.get(console("users").toString());
            assertFalse(b.text("#users").contains("never-created"));
            // A sign-in form without its token is refused too.
            b.clickThrough("#logout button");
            ((JavascriptExecutor) b.driver).executeScript(
                    "document.querySelector('#login-form input[name=_csrf]').remove();");
            b.find("#username").sendKeys("operator-lock");
            b.find("#password").sendKeys(password);
            b.clickThrough("#login");
            assertEquals("AUTH.CSRF", b.text("#refusal-code"));
        }
        try (ConsoleBrowser b = ConsoleBrowser.open(console(""))) {
            for (int i = 0; i < 10; i++) {
                b.driver.get(console("login").toString());
                signIn(b, "operator-lock", "wrong-" + i);
                assertEquals("AUTH.PASSWORD", b.text("#refusal-code"));
            }
            signIn(b, "operator-lock", password);
            assertEquals("AUTH.LOCKED", b.text("#refusal-code"), "even the right password, while locked");
        }
        // Not over plain HTTP: the session cookie is Secure, a password never travels in clear.
        try (ConsoleBrowser b = ConsoleBrowser.open(console(""))) {
            b.driver.get(new URL(base, "console/login").toString());
            assertTrue(b.present("#tls-hint"));
            signIn(b, "operator-lock", password);
            assertEquals("AUTH.TLS_REQUIRED", b.text("#refusal-code"));
        }
    }

    /**
     * An administrator issues a client credential and an old-protocol token in the console, each shown once, each
     * working on its face at once — and revokes both, after which neither works. No page carries a secret, a form
     * token or a session id in an address.
     */
    @Test
    void anAdministratorIssuesAndRevokesCredentialsAndTokens() throws Exception {
        LegacyClient legacy = new LegacyClient(base);
        try (ConsoleBrowser b = ConsoleBrowser.open(console(""))) {
            signIn(b, admin().getProperty("username"), admin().getProperty("password"));
            b.driver.get(console("credentials").toString());
            b.find("#credential-issue input[name=username]").sendKeys("clerk-console");
            b.find("#credential-issue input[name=organs]").sendKeys(demo.organId());
            b.clickThrough("#credential-issue button");
            String password = b.text("#secret");
            assertTrue(password.length() >= 16, "a generated password");
            assertFalse(b.driver.getCurrentUrl().contains(password), "never in the address");
            assertTrue(b.text("#credentials").contains("clerk-console"));
            // The credential works on its face: it issues an old-protocol token, which works.
            LegacyClient.Answer issued = legacy.issueToken(LegacyClient.basic("clerk-console", password),
                    demo.organId(), null);
            assertEquals(200, issued.status(), issued.body());
            String granted = LegacyClient.tokenOf(issued);
            assertEquals(List.of(), legacy.checkPermission(demo.organId(), granted).codes());

            // Revoked in the console: the credential no longer logs in, and the token it granted stops with it.
            b.driver.get(console("credentials").toString());
            b.clickThrough("#credentials tr[data-user='clerk-console'] form button");
            assertTrue(b.present("#action-result"), () -> b.text("main"));
            assertTrue(b.present("#credentials tr[data-user='clerk-console'][data-enabled=false]"), "disabled");
            assertEquals(401, legacy.issueToken(LegacyClient.basic("clerk-console", password), demo.organId(), null)
                    .status());
            assertRefusedToken(legacy, granted);

            // The organisation's old-protocol token, issued by the administrator: shown once, works; revoked: not.
            b.driver.get(console("credentials").toString());
            b.find("#token-issue input[name=organId]").sendKeys(demo.organId());
            b.clickThrough("#token-issue button");
            String token = b.text("#secret");
            assertEquals(List.of(), legacy.checkPermission(demo.organId(), token).codes());
            b.driver.get(console("credentials").toString());
            b.clickThrough("#tokens tr[data-organ='" + demo.organId() + "'][data-enabled=true] form button");
            assertTrue(b.present("#action-result"), () -> b.text("main"));
            assertRefusedToken(legacy, token);

            Await.until("the four actions in the audit trail", WAIT, () -> {
                String audit = String.join("\n", auditRows(b, "console:demo-admin"));
                return Optional.of(audit).filter(a -> a.contains("CONSOLE_CREDENTIAL_ISSUE")
                        && a.contains("CONSOLE_CREDENTIAL_REVOKE") && a.contains("CONSOLE_TOKEN_ISSUE")
                        && a.contains("CONSOLE_TOKEN_REVOKE"));
            });

            // Bounds: a body over 64 KiB, or a POST without a declared length (chunked), is refused before anything
            // reads it; a method the console does not use, too. Raw HTTP/1.1: the server answers and closes before
            // reading a body it refuses, which ordinary clients report as a broken connection.
            Cookie session = b.driver.manage().getCookieNamed("LTCONSOLE");
            String csrf = b.find("#logout input[name=_csrf]").getAttribute("value");
            URL create = console("users/create");
            Map<String, String> headers = Map.of("Cookie", session.getName() + "=" + session.getValue(),
                    "Content-Type", "application/x-www-form-urlencoded");
            RawHttp tooBig = RawHttp.request("POST", create.getFile()).body("_csrf=" + csrf
                    + "&role=viewer&organs=&username=" + "b".repeat(70_000));
            headers.forEach(tooBig::header);
            assertLimited(tooBig.send(create));
            assertLimited(RawHttp.send(create, "POST", headers, new ByteArrayInputStream(("_csrf=" + csrf
                    + "&role=viewer&username=chunked-user").getBytes(StandardCharsets.US_ASCII)), -1, false));
            RawHttp put = RawHttp.request("PUT", create.getFile()).body("_csrf=" + csrf
                    + "&role=viewer&username=put-user");
            headers.forEach(put::header);
            RawHttp.Answer refusedPut = put.send(create);
            assertEquals(405, refusedPut.status(), refusedPut.body());
            assertTrue(refusedPut.body().contains("SYS.METHOD_NOT_ALLOWED"), refusedPut.body());
            b.driver.get(console("users").toString());
            String users = b.text("#users");
            assertFalse(users.contains("bbbb") || users.contains("chunked-user") || users.contains("put-user"), users);

            // No address on any page carries a secret, a form token or a session id.
            for (String page : List.of("", "documents", "outbox", "inbox", "directory", "statistics", "credentials",
                    "users", "audit")) {
                b.driver.get(console(page).toString());
                List<String> addresses = new java.util.ArrayList<>();
                b.driver.findElements(By.cssSelector("a[href]")).forEach(a -> addresses.add(a.getAttribute("href")));
                b.driver.findElements(By.cssSelector("form[action]")).forEach(f -> addresses.add(
                        f.getAttribute("action")));
                for (String address : addresses) {
                    String lower = address.toLowerCase(java.util.Locale.ROOT);
                    assertFalse(lower.contains("csrf") || lower.contains("jsessionid") || lower.contains("token=")
                            || lower.contains("password") || lower.contains("ltconsole"), page + ": " + address);
                }
            }
        }
    }

    /**
     * An incoming document in the inbox and on the dashboard, the agency directory, the search by every criterion,
     * and an operator's recall — with the refusals around it: re-queue of a document that is not dead, recall by
     * an operator of a recipient.
     */
    @Test
    void anOperatorFindsDocumentsAndRecallsOne() throws Exception {
        String number = Long.toString(System.nanoTime() % 1_000_000_000L);
        String incomingId = CounterpartSystem.newDocumentId(number);
        try (CounterpartSystem counterpart = new CounterpartSystem()) {
            counterpart.send(demo.organId(), number, "%PDF-1.4\nconsole inbox\n".getBytes(StandardCharsets.UTF_8), 0);
        }
        SubmitDocument request = Documents.newDocument(demo.organId(), AxisSimulatorExtension.PLAYED_ORGAN);
        request.getDocument().setSubject("V/v kiểm tra thu hồi qua bảng điều khiển " + number);
        String sentId = service.submitDocument(request).getDocumentId();
        String operatorPassword;
        String recipientsOperatorPassword;
        String page;
        try (ConsoleBrowser b = ConsoleBrowser.open(console(""))) {
            signIn(b, admin().getProperty("username"), admin().getProperty("password"));
            operatorPassword = createUser(b, "operator-g22", "operator", demo.organId());
            recipientsOperatorPassword = createUser(b, "operator-h14", "operator", AxisSimulatorExtension.PLAYED_ORGAN);

            Await.until("the incoming document in the inbox", WAIT, () -> {
                b.driver.get(console("inbox").toString());
                return Optional.of(b.present("#inbox tr[data-document-id='" + incomingId + "']")).filter(x -> x);
            });
            b.screenshot("inbox");
            AdapterDatabase db = new AdapterDatabase(AxisSimulatorExtension.dataDir());
            b.driver.get(console("").toString());
            assertEquals(Long.toString(db.count("SELECT COUNT(*) FROM document WHERE direction = 'IN'"
                    + " AND message_type = 'EDOC' AND created_at >= ?", monthStart())), b.text("#received-month"));
            assertTrue(Long.parseLong(b.text("#received-today")) >= 1);

            Await.until("the counterpart in the synchronised directory", WAIT, () -> {
                b.driver.get(console("directory?q=" + AxisSimulatorExtension.COUNTERPART_ORGAN).toString());
                return Optional.of(b.present("#directory tr[data-code='" + AxisSimulatorExtension.COUNTERPART_ORGAN
                        + "']")).filter(x -> x);
            });
            b.screenshot("directory");

            // Search by each criterion; each finds what it should and leaves out what it should.
            String today = LocalDate.now(VIETNAM).toString();
            assertEquals(List.of(sentId), search(b, "subject=" + url("thu hồi qua bảng điều khiển " + number)));
            List<String> incoming = search(b, "organ=" + AxisSimulatorExtension.COUNTERPART_ORGAN + "&direction=IN"
                    + "&from=" + today + "&to=" + today);
            assertTrue(incoming.contains(incomingId) && !incoming.contains(sentId), incoming.toString());
            assertEquals(List.of(), search(b, "number=" + url(number) + "&from=2001-01-01&to=2001-01-31"));
            assertFalse(search(b, "state=DEAD").contains(sentId));
            assertTrue(search(b, "number=" + url(request.getDocument().getCodeNumber()) + "&organ="
                    + AxisSimulatorExtension.PLAYED_ORGAN + "&direction=OUT").contains(sentId));

            b.driver.get(console("documents?number=" + url(request.getDocument().getCodeNumber())).toString());
            b.clickThrough("tr[data-document-id='" + sentId + "'] a.doc-link");
            page = b.driver.getCurrentUrl();
            Await.until("the document sent", WAIT, () -> {
                b.driver.get(page);
                return Optional.of(b.text("#doc-state")).filter("SENT"::equals);
            });
        }
        // The recipient's operator sees the document but may not recall it: only the sender's users may.
        try (ConsoleBrowser b = ConsoleBrowser.open(console(""))) {
            signIn(b, "operator-h14", recipientsOperatorPassword);
            b.driver.get(page);
            assertEquals("SENT", b.text("#doc-state"));
            assertFalse(b.present("#recall"), "no recall for a recipient's user");
            postWithToken(b, page + "/recall", true);
            assertEquals("AUTH.ORGANISATION", b.text("#refusal-code"));
        }
        try (ConsoleBrowser b = ConsoleBrowser.open(console(""))) {
            signIn(b, "operator-g22", operatorPassword);
            b.driver.get(page);
            // Re-queue of a document that is not dead: refused with its state code, nothing changes.
            postWithToken(b, page + "/requeue", true);
            assertEquals("STATE.NOT_ALLOWED", b.text("#refusal-code"));
            b.driver.get(page);
            assertEquals("SENT", b.text("#doc-state"));
            assertFalse(b.present("#requeue"), "no re-queue for a live document");
            // The recall, as the sender's operator: the recall goes to the axis.
            b.find("#recall-form input[name=reason]").sendKeys("Ban hành nhầm, thu hồi để sửa");
            b.clickThrough("#recall");
            assertTrue(b.text("#action-result").contains("RECALL_QUEUED"), () -> b.text("main"));
            assertFalse(b.present("#recall"), "recalled once only");
            assertFalse(b.text("#doc-recall").isEmpty());
            Await.until("the recall in the audit trail", WAIT, () -> {
                b.driver.get(console("audit?actor=console:operator-g22").toString());
                return Optional.of(b.text("#audit")).filter(a -> a.contains("CONSOLE_RECALL"));
            });
        }
    }

    private static void assertLimited(RawHttp.Answer answer) {
        assertEquals(413, answer.status(), answer.body());
        assertTrue(answer.body().contains("LIMIT.REQUEST_SIZE"), answer.body());
    }

    private List<String> search(ConsoleBrowser b, String query) throws Exception {
        b.driver.get(console("documents?" + query).toString());
        return b.driver.findElements(By.cssSelector("table.documents tr[data-document-id]")).stream()
                .map(e -> e.getAttribute("data-document-id")).toList();
    }

    private static String url(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * A token that no longer works: refused with one code — the old protocol's {@code Permission} (the token is not
     * active, or its holder is not authenticated) or {@code AUTH.ORGANISATION} (the token still matches, but the
     * credential that granted it may no longer act for the organisation). Both seen on the same build.
     */
    private void assertRefusedToken(LegacyClient legacy, String token) throws Exception {
        List<String> codes = legacy.checkPermission(demo.organId(), token).codes();
        assertEquals(1, codes.size(), codes.toString());
        assertTrue(List.of("Permission", "AUTH.ORGANISATION").contains(codes.get(0)), codes.toString());
    }

    /** The audit rows of one actor, newest first, each as its text. */
    private static List<String> auditRows(ConsoleBrowser b, String actor) throws Exception {
        b.driver.get(console("audit?actor=" + actor).toString());
        return b.driver.findElements(By.cssSelector("#audit tbody tr")).stream().map(WebElement::getText).toList();
    }

    /** The values of a select's options, in order. */
    private static List<String> options(ConsoleBrowser b, String select) {
        return b.driver.findElements(By.cssSelector(select + " option")).stream()
                .map(o -> o.getAttribute("value")).toList();
    }

    /** A refusal as the console answers it: its code in a console page, no stack trace, no server page. */
    private static void assertCleanRefusal(HttpResponse<byte[]> answer, String code) {
        String body = new String(answer.body(), StandardCharsets.UTF_8);
        assertEquals(403, answer.statusCode(), body);
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(body.contains("<code id=\"refusal-code\">" + code + "</code>"), body);
        assertFalse(body.contains("Exception") || body.contains("\tat ") || body.contains("Payara")
                || body.contains("GlassFish"), body);
    }

    private static java.time.OffsetDateTime monthStart() {
        return LocalDate.now(VIETNAM).withDayOfMonth(1).atStartOfDay(VIETNAM).toOffsetDateTime();
    }

    /** Pairs (document, recipient) sent by the demo organisation whose statuses include 06 or 02. */
    private long completePairs(AdapterDatabase db) throws Exception {
        return db.count("SELECT COUNT(*) FROM (SELECT DISTINCT d.id, r.organ_id FROM document d"
                + " JOIN recipient r ON r.document_ref = d.id JOIN status_event s ON s.document_ref = d.id"
                + " AND s.organ_id = r.organ_id WHERE d.direction = 'OUT' AND d.message_type = 'EDOC'"
                + " AND d.business_type = 0 AND d.sender_organ_id = ? AND s.status_code IN ('02', '06')) p",
                demo.organId());
    }

    /** A GET as the browser would make it, carrying only the session cookie (none: anonymous). */
    private static HttpResponse<byte[]> download(String url, Cookie session) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(TlsKeyStoreExtension.clientContext())
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
        if (session != null) {
            r.header("Cookie", session.getName() + "=" + session.getValue());
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static int column(Sheet sheet, String header) {
        Row h = sheet.getRow(0);
        for (int i = 0; i < h.getLastCellNum(); i++) {
            if (header.equals(h.getCell(i).getStringCellValue())) {
                return i;
            }
        }
        throw new AssertionError("no column " + header);
    }

    private String createUser(ConsoleBrowser b, String name, String role, String organs) throws Exception {
        b.driver.get(console("users").toString());
        b.find("#user-create input[name=username]").sendKeys(name);
        new org.openqa.selenium.support.ui.Select(b.find("#user-create select[name=role]")).selectByValue(role);
        b.find("#user-create input[name=organs]").sendKeys(organs);
        b.clickThrough("#user-create button");
        return b.text("#secret");
    }

    /** Submits a POST form built in the page to {@code action}, with or without the page's form token. */
    private static void postWithToken(ConsoleBrowser b, String action, boolean withToken) {
        ((JavascriptExecutor) b.driver).executeScript(
                "var f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];"
                        + "var t = document.querySelector('input[name=_csrf]');"
                        + "if (arguments[1] && t) { f.appendChild(t.cloneNode()); }"
                        + "document.body.appendChild(f); f.submit();", action, withToken);
        new org.openqa.selenium.support.ui.WebDriverWait(b.driver, Duration.ofSeconds(30))
                .until(d -> b.present("#refusal-code") || b.present("#doc-state"));
    }

    private static void signIn(ConsoleBrowser b, String user, String password) throws Exception {
        if (!b.present("#login-form")) {
            b.driver.get(console("login").toString());
        }
        b.find("#username").sendKeys(user);
        b.find("#password").sendKeys(password);
        b.clickThrough("#login");
    }

    private static Properties admin() throws Exception {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(AxisSimulatorExtension.dataDir().resolve("keys")
                .resolve("console-admin.properties"))) {
            p.load(r);
        }
        return p;
    }

    private static URL console(String path) throws Exception {
        return TlsKeyStoreExtension.https(baseUrl, "console/" + path);
    }

    private static URL baseUrl;

    @org.junit.jupiter.api.BeforeEach
    void rememberBase() {
        baseUrl = base;
    }
}
