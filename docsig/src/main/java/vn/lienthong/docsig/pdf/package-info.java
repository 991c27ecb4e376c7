/**
 * PDF signatures (PAdES / CMS {@code adbe.pkcs7.detached}, {@code ETSI.CAdES.detached}) with PDFBox 3, parsed
 * lazily from disk; the signed byte ranges are digested as they are read from the file. Coverage (whole file,
 * later revisions signed, appended changes) is decided here, seeing all signatures of the file.
 */
package vn.lienthong.docsig.pdf;
