package vn.lienthong.docsig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vn.lienthong.edxml.testsupport.ExternalTool;

/** Poppler's pdfsig, the independent verifier: integrity and coverage of each signature (no certificate check). */
final class Pdfsig {

    /** One signature as pdfsig sees it. */
    record Seen(boolean intact, boolean wholeFile, String validation) {
    }

    private Pdfsig() {
    }

    static List<Seen> check(Path pdf) throws IOException, InterruptedException {
        ExternalTool.PDFSIG.require();
        Process p = new ProcessBuilder("pdfsig", "-nocert", "-no-ocsp", pdf.toString()).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("pdfsig did not finish");
        }
        List<Seen> seen = new ArrayList<>();
        // One block per signature, starting "Signature #N:"; its lines in whatever order pdfsig prints them.
        String[] blocks = out.split("(?m)^Signature #\\d+:");
        for (int i = 1; i < blocks.length; i++) {
            String validation = null;
            Boolean whole = null;
            for (String line : blocks[i].split("\n")) {
                String l = line.trim();
                if (l.startsWith("- Signature Validation:")) {
                    validation = l.substring("- Signature Validation:".length()).trim();
                } else if (l.equals("- Total document signed")) {
                    whole = true;
                } else if (l.equals("- Not total document signed")) {
                    whole = false;
                }
            }
            if (validation == null || whole == null) {
                throw new IllegalStateException("unexpected pdfsig output:\n" + out);
            }
            seen.add(new Seen(validation.equals("Signature is Valid."), whole, validation));
        }
        if (seen.isEmpty() && !out.contains("does not contain any signatures")) {
            throw new IllegalStateException("unexpected pdfsig output:\n" + out);
        }
        return seen;
    }
}
