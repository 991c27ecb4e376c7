package vn.lienthong.docsig.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import vn.lienthong.edxml.pki.DemoKeyFolder;
import vn.lienthong.edxml.pki.DemoPki;

/**
 * Launcher step after the demo keys ({@code DemoSignedPdf <keys-dir> <out.pdf>}): writes a one-page official
 * letter signed by the demo document signer ({@code demo-signer.p12}), unless {@code out.pdf} exists. Prints the
 * path. The key store password is found as the adapter finds it; nothing secret is printed.
 */
public final class DemoSignedPdf {

    private DemoSignedPdf() {
    }

    public static Path write(Path keysDir, Path out) throws IOException {
        DemoKeyFolder folder = new DemoKeyFolder(keysDir, DemoKeyFolder.password(keysDir));
        folder.ensureDocumentSigner();
        DemoPki.Issued signer = DemoPki.Issued.load(folder.documentSignerKeyStore(), DemoKeyFolder.password(keysDir),
                DemoKeyFolder.DOCUMENT_SIGNER_ALIAS);
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path unsigned = Files.createTempFile(parent, "demo-unsigned", ".pdf");
        Path tmp = Files.createTempFile(parent, "demo-signed", ".part");
        try {
            PdfSigner.onePage(unsigned, "Cong van (demo)", List.of("VAN PHONG CHINH PHU (demo)",
                    "Cong van so 123/VPCP-ZEEP", "V/v thu nghiem lien thong van ban co chu ky so",
                    "Signed by the demo document signer of the Lien thong adapter."));
            PdfSigner.sign(unsigned, tmp, signer.privateKey(), List.of(signer.certificate(), signer.caCertificate()),
                    Instant.now());
            Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(unsigned);
            Files.deleteIfExists(tmp);
        }
        return out;
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: DemoSignedPdf <keys-dir> <out.pdf>");
            System.exit(64);
        }
        try {
            Path out = Path.of(args[1]);
            if (!Files.exists(out)) {
                write(Path.of(args[0]), out);
            }
            System.out.println(out.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }
}
