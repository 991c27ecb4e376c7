package vn.lienthong.edxml.model;

import java.util.List;

/**
 * A document package ("gói tin văn bản"). {@code manifest} holds the {@code edXMLManifest/Reference} entries and
 * {@code attachments} the metadata of {@code AttachmentEncoded/Attachment}; content travels separately as a stream.
 * The writer derives both lists from the attachment sources it is given, so callers building a package leave them
 * empty.
 */
public record DocumentPackage(MessageHeader header, TraceHeaderList traceHeaderList, List<AttachmentMeta> manifest,
                              List<AttachmentMeta> attachments) {

    public DocumentPackage {
        manifest = manifest == null ? List.of() : List.copyOf(manifest);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public DocumentPackage(MessageHeader header, TraceHeaderList traceHeaderList) {
        this(header, traceHeaderList, List.of(), List.of());
    }

    /** The business type; a package without a Bussiness block is a new document (spec §4.3). */
    public BusinessType businessType() {
        if (traceHeaderList == null || traceHeaderList.bussiness() == null
                || traceHeaderList.bussiness().type() == null) {
            return BusinessType.NEW;
        }
        return traceHeaderList.bussiness().type();
    }
}
