package vn.lienthong.it.server;

import org.junit.jupiter.api.extension.ExtendWith;

import vn.lienthong.it.suites.SecuredExchangeSuite;
import vn.lienthong.it.support.AdapterTarget;
import vn.lienthong.it.support.PayaraServerDeployment;

/** The WS face ({@link SecuredExchangeSuite}) against the EAR on Payara Server, deployed once for all server suites. */
@ExtendWith(PayaraServerDeployment.class)
class SecuredExchangeOnServerIT extends SecuredExchangeSuite {

    @Override
    protected AdapterTarget target() {
        return PayaraServerDeployment.target();
    }
}
