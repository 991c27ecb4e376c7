package vn.lienthong.it.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;

import javax.net.ssl.HttpsURLConnection;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian {@code chromium} + {@code chromium-driver}, never downloaded) driven by
 * Selenium, trusting exactly the test server's HTTPS key: its SPKI hash goes to
 * {@code --ignore-certificate-errors-spki-list}, so no other certificate error is ignored. Missing browser: the
 * test is skipped with a message naming the packages — but fails under {@code CI=true}.
 */
public final class ConsoleBrowser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getProperty("it.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("it.chromedriver", "/usr/bin/chromedriver"));

    public final WebDriver driver;
    private final Path profile;

    private ConsoleBrowser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Skips (or, with CI=true, fails) when the Debian packages are not installed. */
    public static void requireInstalled() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String message = "Browser tests need the Debian packages 'chromium' and 'chromium-driver' (" + CHROMIUM
                + ", " + CHROMEDRIVER + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + " — missing under CI=true");
        }
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message);
    }

    /** A fresh browser (own profile: no cookie of another session) trusting the server behind {@code https}. */
    public static ConsoleBrowser open(URL https) throws Exception {
        Path profile = Files.createTempDirectory("console-it-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Without the background-networking flags Chromium's own connections are refused on a closed network.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=1360,1000", "--lang=vi",
                "--ignore-certificate-errors-spki-list=" + spkiHash(https));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new ConsoleBrowser(driver, profile);
    }

    /** Base64 SHA-256 of the server certificate's public key, fetched with a client trusting the demo CA only. */
    private static String spkiHash(URL https) throws Exception {
        HttpsURLConnection c = (HttpsURLConnection) https.openConnection();
        c.setSSLSocketFactory(TlsKeyStoreExtension.clientContext().getSocketFactory());
        c.connect();
        try {
            Certificate leaf = c.getServerCertificates()[0];
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(leaf.getPublicKey().getEncoded()));
        } finally {
            c.disconnect();
        }
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /**
     * Clicks a link or submit button and returns once the next page has replaced this one: a click returns as soon
     * as the navigation starts, and asserting on the old page in between is a race (seen on a loaded machine).
     */
    public void clickThrough(String css) {
        WebElement page = driver.findElement(By.tagName("html"));
        find(css).click();
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> gone(page));
    }

    /**
     * True once {@code element}'s document was replaced. Chromium 156's driver reports that either as a stale
     * element or, while the next document is being swapped in, as an "unknown error: … does not belong to the
     * document" (seen on a loaded machine), which {@code ExpectedConditions.stalenessOf} does not expect.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    public String text(String css) {
        return find(css).getText().trim();
    }

    public boolean present(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    /** A screenshot of the page to {@code target/console-screenshots/<name>.png}. */
    public void screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("it.screenshots", "target/console-screenshots"));
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
