package vn.lienthong.docsig;

import java.time.Instant;

/**
 * One signature found in a document.
 *
 * @param fieldName          PDF signature field name (or a description of where the signature is in other formats)
 * @param subFilter          PDF /SubFilter (e.g. {@code ETSI.CAdES.detached}) or the kind of signature detected
 * @param signerName         CN of the signer's certificate, null when unknown
 * @param signerOrganisation O of the signer's certificate, null when absent
 * @param issuer             issuer distinguished name of the signer's certificate
 * @param signingTime        the time the certificates were checked at
 * @param signingTimeSource  where {@code signingTime} comes from
 * @param status             the outcome
 * @param reason             why, in one line (also for VALID: what was checked)
 * @param coverage           which part of the file is signed
 */
public record SignatureReport(String fieldName, String subFilter, String signerName, String signerOrganisation,
                              String issuer, Instant signingTime, SigningTimeSource signingTimeSource,
                              SignatureStatus status, String reason, Coverage coverage) {

    /** A signature that is detected but not checked. */
    public static SignatureReport notVerified(String where, String kind, String reason) {
        return new SignatureReport(where, kind, null, null, null, null, null, SignatureStatus.SIGNED_NOT_VERIFIED,
                reason, Coverage.UNKNOWN);
    }

    SignatureReport withCoverage(Coverage c) {
        return new SignatureReport(fieldName, subFilter, signerName, signerOrganisation, issuer, signingTime,
                signingTimeSource, status, reason, c);
    }
}
