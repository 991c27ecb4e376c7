package vn.lienthong.edxml.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The one decision for tests that check our output with a tool we did not write (xmlsec1, Python zeep with
 * xmlsec): when the tool is missing, the test is <em>skipped</em> on a developer's machine, with a message naming
 * the Debian package, but <em>fails</em> under {@code CI=true}, so a CI image without the tool cannot pass
 * silently. Every such test calls {@link #require()} before using the tool. Also used by {@code it-tests} (this
 * module's test jar).
 */
public final class ExternalTool {

    /** Independent XML-signature verifier/signer. */
    public static final ExternalTool XMLSEC1 = new ExternalTool("xmlsec1", "xmlsec1", () -> onPath("xmlsec1"));

    /** Independent SOAP client with WS-Security (Debian's python3 with zeep and python-xmlsec). */
    public static final ExternalTool PYTHON_ZEEP = new ExternalTool("Python 3 with zeep and xmlsec",
            "python3-zeep python3-xmlsec", () -> pythonImports("zeep", "xmlsec"));

    /** Independent PDF-signature verifier (poppler), for the docsig module. */
    public static final ExternalTool PDFSIG = new ExternalTool("pdfsig", "poppler-utils", () -> onPath("pdfsig"));

    private final String name;
    private final String debianPackages;
    private final BooleanSupplier probe;
    private Boolean available;

    ExternalTool(String name, String debianPackages, BooleanSupplier probe) {
        this.name = name;
        this.debianPackages = debianPackages;
        this.probe = probe;
    }

    /** True when the environment says this is a CI run ({@code CI=true}, as CI services set it). */
    public static boolean underCi() {
        return "true".equalsIgnoreCase(String.valueOf(System.getenv("CI")).trim());
    }

    public synchronized boolean available() {
        if (available == null) {
            available = probe.getAsBoolean();
        }
        return available;
    }

    /** Returns when the tool is there; otherwise fails under CI, skips (aborts) the test elsewhere. */
    public void require() {
        require(underCi());
    }

    void require(boolean ci) {
        if (available()) {
            return;
        }
        if (ci) {
            Assertions.fail(name + " is required when CI=true but is missing: install the Debian package(s) "
                    + debianPackages + " (.ci/run does)");
        }
        Assumptions.abort(name + " not installed: test skipped (Debian package(s) " + debianPackages
                + "; under CI=true this is a failure)");
    }

    /** Debian's interpreter: the packages live in its dist-packages, not in a pyenv/venv python. */
    public static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    private static boolean onPath(String executable) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Paths.get(dir, executable))) {
                return true;
            }
        }
        return false;
    }

    private static boolean pythonImports(String... modules) {
        try {
            Process p = new ProcessBuilder(python(), "-c", "import " + String.join(", ", modules))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false; // no python3 at all
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
