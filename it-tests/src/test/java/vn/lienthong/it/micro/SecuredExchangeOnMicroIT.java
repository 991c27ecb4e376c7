package vn.lienthong.it.micro;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import vn.lienthong.it.suites.SecuredExchangeSuite;
import vn.lienthong.it.support.AdapterOnMicro;
import vn.lienthong.it.support.AdapterTarget;
import vn.lienthong.it.support.OnPayaraMicro;

/** The WS face ({@link SecuredExchangeSuite}) against the WAR on a fresh Payara Micro. */
@OnPayaraMicro
@RunAsClient
class SecuredExchangeOnMicroIT extends SecuredExchangeSuite {

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static WebArchive adapter() {
        return AdapterOnMicro.war();
    }

    @Override
    protected AdapterTarget target() {
        return AdapterOnMicro.target(base);
    }
}
