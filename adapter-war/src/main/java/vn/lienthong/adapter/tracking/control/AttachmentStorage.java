package vn.lienthong.adapter.tracking.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.platform.io.Sha256;
import vn.lienthong.adapter.platform.store.TransactionOutcome;

/**
 * Attachment bytes on disk, one folder per document. Files written inside a transaction are removed again if
 * that transaction does not commit, so a refused or failed submission leaves nothing behind.
 */
@ApplicationScoped
public class AttachmentStorage {

    private static final Logger LOG = Logger.getLogger(AttachmentStorage.class.getName());

    @Inject
    AdapterSettings settings;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** A stored file: where it is (relative to the data folder), its size and SHA-256. */
    public record StoredFile(String relativePath, long size, String sha256) {
    }

    public StoredFile store(String documentKey, int position, InputStream content) throws IOException {
        Path dir = settings.attachmentsDir().resolve(documentKey);
        Files.createDirectories(dir);
        Path target = dir.resolve(Integer.toString(position));
        Path tmp = Files.createTempFile(dir, "incoming", ".part");
        MessageDigest sha = Sha256.digest();
        long size;
        // Digested as it streams to disk: a large attachment is read once, never held in memory.
        try (InputStream in = new DigestInputStream(content, sha); OutputStream out = Files.newOutputStream(tmp)) {
            size = in.transferTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp); // refused while streaming (e.g. over the size limit): nothing left behind
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        removeOnRollback(target);
        return new StoredFile(settings.dataDir().relativize(target).toString(), size,
                Sha256.hex(sha));
    }

    public Path resolve(String relativePath) {
        return settings.dataDir().resolve(relativePath);
    }

    /** Deletes {@code file} if the current transaction does not commit. */
    public void removeOnRollback(Path file) {
        TransactionOutcome.afterRollback(transactions, () -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warning(() -> "Could not remove attachment of a rolled-back submission: " + file);
            }
        });
    }

}
