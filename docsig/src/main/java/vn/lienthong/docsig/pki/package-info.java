/**
 * Certificate checks shared by every format: chain to configured trust anchors, validity at the signing time,
 * revocation by the CRLs at hand, RFC 3161 time-stamp tokens. Offline unless the caller supplies an
 * {@link vn.lienthong.docsig.pki.OnlineRevocation} (CRL distribution points, OCSP); its only network code is
 * {@link vn.lienthong.docsig.pki.HttpRevocationFetcher}.
 */
package vn.lienthong.docsig.pki;
