package vn.lienthong.adapter.legacy.boundary;

import java.util.List;

import vn.lienthong.adapter.legacy.control.LegacyDocument;

/** What goes back: the envelope and, for GetDocument, the files to attach as SwA parts. */
public record LegacyReply(byte[] envelope, List<LegacyDocument.File> attachments, boolean soap12) {

    LegacyReply(byte[] envelope, List<LegacyDocument.File> attachments) {
        this(envelope, attachments, false);
    }

    static LegacyReply of(byte[] envelope) {
        return new LegacyReply(envelope, List.of());
    }

    LegacyReply soap12(boolean yes) {
        return new LegacyReply(envelope, attachments, yes);
    }
}
