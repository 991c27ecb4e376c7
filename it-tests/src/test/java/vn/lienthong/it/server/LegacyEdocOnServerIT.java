package vn.lienthong.it.server;

import org.junit.jupiter.api.extension.ExtendWith;

import vn.lienthong.it.suites.LegacyEdocSuite;
import vn.lienthong.it.support.AdapterTarget;
import vn.lienthong.it.support.PayaraServerDeployment;

/** The old e-doc.vn protocol ({@link LegacyEdocSuite}) against the EAR on Payara Server, deployed once for all server suites. */
@ExtendWith(PayaraServerDeployment.class)
class LegacyEdocOnServerIT extends LegacyEdocSuite {

    @Override
    protected AdapterTarget target() {
        return PayaraServerDeployment.target();
    }
}
