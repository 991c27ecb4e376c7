package vn.lienthong.adapter.legacy.control;

import java.nio.file.Path;
import java.util.List;

import vn.lienthong.edxml.model.MessageHeader;
import vn.lienthong.edxml.model.TraceHeaderList;

/**
 * A received document rebuilt for GetDocument: the header translated from the stored QCVN 102 package (never a
 * replayed request, so no credential can leak, spec §13 item 1) and its attachment files.
 */
public record LegacyDocument(MessageHeader header, TraceHeaderList traces, List<File> files) {

    public record File(String contentId, String name, String description, String contentType, Path path) {
    }
}
