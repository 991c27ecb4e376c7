package vn.lienthong.adapter.legacy.boundary;

import java.util.List;

import vn.lienthong.adapter.legacy.control.LegacyDocument;

/** What goes back: the envelope and, for GetDocument, the files to attach as SwA parts. */
record LegacyReply(byte[] envelope, List<LegacyDocument.File> attachments) {

    static LegacyReply of(byte[] envelope) {
        return new LegacyReply(envelope, List.of());
    }
}
