package vn.lienthong.axis.simulator;

import java.io.IOException;
import java.io.InputStream;

/** Reads the routing facts of a stored package; backed by the project's EDXML header scanner. */
@FunctionalInterface
public interface PackageInspector {

    /** @throws IOException when the package cannot be read as EDXML (the submission is then refused) */
    PackageFacts inspect(InputStream packageBytes) throws IOException;
}
