package vn.lienthong.adapter.alerting.control;

import java.security.cert.X509Certificate;

/** A certificate whose expiry is watched, and what it is to the adapter (e.g. "signing key", "trust anchor"). */
public record WatchedCertificate(String role, X509Certificate certificate) {
}
