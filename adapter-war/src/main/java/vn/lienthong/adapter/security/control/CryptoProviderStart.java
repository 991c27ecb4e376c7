package vn.lienthong.adapter.security.control;

import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import vn.lienthong.adapter.configuration.AdapterSettings;

/** Chooses the crypto provider once, at start, and says which in the log ({@link CryptoProviderChoice}). */
@Singleton
@Startup
public class CryptoProviderStart {

    private static final Logger LOG = Logger.getLogger(CryptoProviderStart.class.getName());

    @Inject
    AdapterSettings settings;

    @PostConstruct
    void choose() {
        String line = CryptoProviderChoice.apply(settings.cryptoProvider());
        LOG.info(() -> line + "; SHA256withRSA from " + CryptoProviderChoice.rsaSignatureProvider());
    }
}
