package vn.lienthong.edxml.model;

import java.util.List;

/** Update details (business type 2). The 0/1 flags' meaning is uncertain (spec §5.2), so they are carried verbatim. */
public record BussinessDocumentInfo(Integer documentInfo, Integer documentReceiver, List<Receiver> receivers) {

    public BussinessDocumentInfo {
        receivers = receivers == null ? List.of() : List.copyOf(receivers);
    }
}
