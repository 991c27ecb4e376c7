package vn.lienthong.bench.swa;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import vn.lienthong.adapter.legacy.boundary.SwaMessage;
import vn.lienthong.adapter.legacy.boundary.SwaReader;
import vn.lienthong.adapter.legacy.control.SpooledPart;

/** The adapter's own reader ({@code legacy.boundary.SwaReader}), limits enforced while it streams. */
public final class HandWrittenSwa implements SwaParser {

    @Override
    public String name() {
        return "SwaReader";
    }

    @Override
    public Parsed parse(String contentType, InputStream body, Path spool, Limits limits) throws Exception {
        SwaMessage m = new SwaReader(limits.maxEnvelopeBytes(), limits.maxPartBytes(), limits.maxParts())
                .read(contentType, body, spool);
        Map<String, Path> parts = new LinkedHashMap<>();
        for (SpooledPart p : m.parts().values()) {
            parts.put(p.contentId(), p.file());
        }
        return new Parsed(m.envelope(), parts, spool);
    }
}
