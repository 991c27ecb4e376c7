package vn.lienthong.adapter.signatures.boundary;

import vn.lienthong.adapter.platform.time.VietnamTime;
import vn.lienthong.adapter.signatures.entity.AttachmentSignature;
import vn.lienthong.adapter.signatures.entity.SignatureView;
import vn.lienthong.ws.exchange.v1.DocumentSignatures;

/** The WS face's {@code DocumentSignatures} element (GetDocumentStatus, GetIncomingDocument, the history). */
public final class SignatureElements {

    private SignatureElements() {
    }

    public static DocumentSignatures of(SignatureView view) {
        DocumentSignatures d = new DocumentSignatures();
        d.setVerdict(view.document().getVerdict().name());
        d.setReason(view.document().getReason());
        d.setVerifiedAt(VietnamTime.iso(view.document().getVerifiedAt()));
        d.setPolicyNote(view.document().getPolicyNote());
        for (AttachmentSignature a : view.attachments()) {
            vn.lienthong.ws.exchange.v1.AttachmentSignature w = new vn.lienthong.ws.exchange.v1.AttachmentSignature();
            w.setPosition(a.getPosition());
            w.setName(a.getName());
            w.setFormat(a.getFormat());
            w.setStatus(a.getStatus());
            w.setLegalValue(a.getLegalValue());
            w.setReason(a.getReason());
            w.setSignatures(a.getSignatures());
            w.setSignerName(a.getSignerName());
            w.setSignerOrganisation(a.getSignerOrganisation());
            w.setIssuer(a.getIssuer());
            w.setSigningTime(VietnamTime.iso(a.getSigningTime()));
            w.setSigningTimeSource(a.getSigningTimeSource());
            d.getAttachment().add(w);
        }
        return d;
    }
}
