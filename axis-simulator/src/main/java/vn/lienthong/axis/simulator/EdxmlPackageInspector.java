package vn.lienthong.axis.simulator;

import java.io.IOException;
import java.io.InputStream;
import vn.lienthong.edxml.read.EdxmlHeaderScanner;
import vn.lienthong.edxml.read.PackageHeader;
import vn.lienthong.edxml.read.PackageKind;

/** Routing facts from the project's EDXML header scanner (reads the header only, never the attachments). */
final class EdxmlPackageInspector implements PackageInspector {

    private EdxmlPackageInspector() {
    }

    static PackageInspector create() {
        return new EdxmlPackageInspector();
    }

    @Override
    public PackageFacts inspect(InputStream in) throws IOException {
        PackageHeader h = EdxmlHeaderScanner.scan(in);
        if (h.fromOrganId() == null) {
            throw new IOException("package has no MessageHeader/From/OrganId");
        }
        // A package without a Bussiness block is a new document (spec edxml-qcvn102 §4.3).
        int businessType = h.businessType() == null ? 0 : h.businessType();
        return new PackageFacts(h.kind() == PackageKind.STATUS, h.fromOrganId(), h.toOrganIds(), h.documentId(),
                businessType, h.statusCode(), h.responseForOrganId(), h.responseForDocumentId(), h.subject(),
                PackageFacts.notation(h.codeNumber(), h.codeNotation()));
    }
}
