package vn.lienthong.adapter.signatures.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRL;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.configuration.SignatureSettings;
import vn.lienthong.docsig.DocumentSignatureVerifier;
import vn.lienthong.docsig.pki.HttpRevocationFetcher;
import vn.lienthong.docsig.pki.OnlineRevocation;

/**
 * The document-signature verifier with the configured trust anchors and CRLs, read from files and read again every
 * {@link SignatureSettings#reload()} so a renewed CRL counts without a restart. A file that cannot be read is logged
 * and left out; it never stops the adapter. With {@code adapter.signatures.revocation.online} the verifier also asks
 * the network about an issuer without a CRL at hand; one {@link OnlineRevocation} is kept across rebuilds so its CRL
 * cache and its memory of dead servers survive.
 */
@ApplicationScoped
public class TrustMaterial {

    private static final Logger LOG = Logger.getLogger(TrustMaterial.class.getName());
    private static final Set<String> CERTIFICATE_FILES = Set.of("pem", "crt", "cer", "der");

    @Inject
    AdapterSettings settings;

    private DocumentSignatureVerifier verifier;
    private OnlineRevocation online;
    private Instant loadedAt = Instant.EPOCH;
    private int anchors;
    private List<Long> fingerprint = List.of();

    /** The current verifier (thread-safe; rebuilt when a file changed or the reload interval passed). */
    public synchronized DocumentSignatureVerifier verifier() {
        SignatureSettings s = settings.signatures();
        List<Long> now = fingerprint(s);
        if (verifier == null || !now.equals(fingerprint) || Instant.now().isAfter(loadedAt.plus(s.reload()))) {
            fingerprint = now;
            List<X509Certificate> certificates = load(s.trustAnchors(), CERTIFICATE_FILES, TrustMaterial::certificates);
            List<X509CRL> crls = load(s.crls(), Set.of("crl"), TrustMaterial::crls);
            if (verifier == null || anchors != certificates.size()) {
                LOG.info(() -> "Document signatures: " + certificates.size() + " trust anchor(s), " + crls.size()
                        + " CRL(s)");
            }
            verifier = DocumentSignatureVerifier.builder().trustAnchors(certificates).crls(crls)
                    .onlineRevocation(online(s)).build();
            anchors = certificates.size();
            loadedAt = Instant.now();
        }
        return verifier;
    }

    /** Null unless online revocation is switched on (then built once: its cache outlives verifier rebuilds). */
    private OnlineRevocation online(SignatureSettings s) {
        if (!s.revocationOnline()) {
            return null;
        }
        if (online == null) {
            online = new OnlineRevocation(new HttpRevocationFetcher(s.revocationTimeout(), s.revocationMaxBytes()),
                    s.revocationCache());
            LOG.info(() -> "Document signatures: online revocation on (CRL distribution points, OCSP; timeout "
                    + s.revocationTimeout().toMillis() + " ms, at most " + s.revocationMaxBytes() + " bytes)");
        }
        return online;
    }

    interface Reader<T> {
        List<T> read(InputStream in);
    }

    static <T> List<T> load(List<Path> locations, Set<String> extensions, Reader<T> reader) {
        List<T> out = new ArrayList<>();
        for (Path location : locations) {
            List<Path> files;
            if (Files.isDirectory(location)) {
                try (Stream<Path> list = Files.list(location)) {
                    files = list.filter(f -> extensions.contains(extension(f))).sorted().toList();
                } catch (IOException e) {
                    LOG.warning(() -> "Cannot list " + location + ": " + e.getMessage());
                    continue;
                }
            } else if (Files.isRegularFile(location)) {
                files = List.of(location);
            } else {
                LOG.fine(() -> "Document signatures: " + location + " does not exist; left out");
                continue;
            }
            for (Path f : files) {
                try (InputStream in = Files.newInputStream(f)) {
                    out.addAll(reader.read(in));
                } catch (IOException | GeneralSecurityProblem e) {
                    LOG.warning(() -> "Document signatures: cannot read " + f + ": " + e.getMessage());
                }
            }
        }
        return out;
    }

    /** Modification times of every location and of the files in folders: a changed one means reading again. */
    private static List<Long> fingerprint(SignatureSettings s) {
        List<Long> times = new ArrayList<>();
        for (Path location : concat(s.trustAnchors(), s.crls())) {
            times.add(modified(location));
            if (Files.isDirectory(location)) {
                try (Stream<Path> list = Files.list(location)) {
                    list.sorted().forEach(f -> times.add(modified(f)));
                } catch (IOException e) {
                    times.add(-2L);
                }
            }
        }
        return times;
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return -1L;
        }
    }

    /** Certificate and CRL parse errors, under one name for the loop above. */
    private static final class GeneralSecurityProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GeneralSecurityProblem(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }

    static List<X509Certificate> certificates(InputStream in) {
        try {
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                if (c instanceof X509Certificate x) {
                    out.add(x);
                }
            }
            return out;
        } catch (CertificateException e) {
            throw new GeneralSecurityProblem(e);
        }
    }

    static List<X509CRL> crls(InputStream in) {
        try {
            List<X509CRL> out = new ArrayList<>();
            for (CRL c : CertificateFactory.getInstance("X.509").generateCRLs(in)) {
                if (c instanceof X509CRL x) {
                    out.add(x);
                }
            }
            return out;
        } catch (java.security.cert.CRLException | CertificateException e) {
            throw new GeneralSecurityProblem(e);
        }
    }

    private static String extension(Path f) {
        String n = f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
