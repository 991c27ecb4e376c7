package vn.lienthong.it.server;

import org.junit.jupiter.api.extension.ExtendWith;

import vn.lienthong.it.suites.DocumentLifecycleSuite;
import vn.lienthong.it.support.AdapterTarget;
import vn.lienthong.it.support.PayaraServerDeployment;

/** The document lifecycle and recall ({@link DocumentLifecycleSuite}) against the EAR on Payara Server, deployed once for all server suites. */
@ExtendWith(PayaraServerDeployment.class)
class DocumentLifecycleOnServerIT extends DocumentLifecycleSuite {

    @Override
    protected AdapterTarget target() {
        return PayaraServerDeployment.target();
    }
}
