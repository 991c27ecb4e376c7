/**
 * Format recognition from content (never from file names) and the signed formats that are detected but not
 * verified yet (OOXML, OpenDocument, CMS/PKCS#7 files, XML signatures).
 */
package vn.lienthong.docsig.detect;
