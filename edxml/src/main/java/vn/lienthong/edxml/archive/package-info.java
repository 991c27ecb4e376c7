/**
 * Self-verifying archives (issue 13, retention): a ZIP of files plus {@code manifest.xml} listing each file's
 * SHA-256 and size, with an enveloped XML signature over the manifest by the archiving adapter's key.
 * {@link vn.lienthong.edxml.archive.SignedArchive} writes one, {@link vn.lienthong.edxml.archive.ArchiveVerifier}
 * checks one offline ({@code edxml-cli verify-archive}).
 */
package vn.lienthong.edxml.archive;
