package vn.lienthong.adapter.signatures.control;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.lienthong.adapter.configuration.AdapterSettings;
import vn.lienthong.adapter.configuration.SignatureSettings;
import vn.lienthong.adapter.vocabulary.Rejection;

/**
 * The sending organisation's policy at acceptance. Only under {@code refuse} is anything verified before the
 * client is answered (the main file alone); {@code flag} and {@code off} cost acceptance nothing — the verifier
 * records the outcome after the commit.
 */
@ApplicationScoped
public class SigningPolicy {

    /** Stable refusal code of both faces. */
    public static final String UNSIGNED = "DOC.UNSIGNED";

    @Inject
    AdapterSettings settings;
    @Inject
    DocumentVerification verification;

    /**
     * Refuses ({@value #UNSIGNED}) a document of {@code organId} whose main file is not validly signed by a
     * certificate of that organisation, when its policy is {@code refuse}; {@code mainFile} null means there is no
     * attachment.
     */
    public void enforce(String organId, String organName, String mainName, Path mainFile) {
        SignatureSettings s = settings.signatures();
        if (!s.enabled() || s.policy(organId) != SignatureSettings.Policy.REFUSE) {
            return;
        }
        String problem = mainFile == null ? "the document has no main file"
                : Findings.notSignedBySender(verification.report(mainFile, mainName), organId, organName,
                        s.organisationNames(organId)).orElse(null);
        if (problem != null) {
            throw new Rejection(UNSIGNED, "attachments/0", "The main file must carry a valid signature of "
                    + organId + " (policy of the organisation): " + problem);
        }
    }
}
