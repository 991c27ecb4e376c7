/**
 * Offline certificate checks shared by every format: chain to configured trust anchors, validity at the signing
 * time, revocation by the CRLs at hand (never fetched), RFC 3161 time-stamp tokens. No network access.
 */
package vn.lienthong.docsig.pki;
