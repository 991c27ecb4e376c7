package vn.lienthong.edxml.sign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vn.lienthong.edxml.testsupport.ExternalTool;

/** Runs the independent verifier xmlsec1 (Debian package xmlsec1). */
final class Xmlsec1 {

    record Outcome(int exitCode, String output) {
    }

    private Xmlsec1() {
    }

    /** Runs xmlsec1; when it is missing, skips the test (fails under CI=true): {@link ExternalTool#require()}. */
    static Outcome run(String... args) throws IOException, InterruptedException {
        ExternalTool.XMLSEC1.require();
        List<String> cmd = new ArrayList<>();
        cmd.add("xmlsec1");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("xmlsec1 timed out");
        }
        return new Outcome(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static Outcome verify(Path caPem, Path file) throws IOException, InterruptedException {
        return run("--verify", "--trusted-pem", caPem.toString(), file.toString());
    }
}
