package vn.lienthong.docsig.pki;

import vn.lienthong.docsig.SignatureStatus;

/** What the certificate checks of one signer concluded: a status among UNTRUSTED … VALID and why. */
public record ChainOutcome(SignatureStatus status, String reason) {
}
