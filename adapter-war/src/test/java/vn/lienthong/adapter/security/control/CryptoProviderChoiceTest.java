package vn.lienthong.adapter.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Security;
import java.security.Signature;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The provider choice on this build machine (Linux x86-64, where ACCP's native library loads). */
class CryptoProviderChoiceTest {

    @AfterEach
    void backToTheJdk() {
        CryptoProviderChoice.apply("jdk"); // the JVM is shared with other tests
    }

    @Test
    void autoPutsTheNativeProviderFirstAndSignaturesStillVerifyAcrossProviders() throws Exception {
        String line = CryptoProviderChoice.apply("auto");
        assertTrue(line.startsWith("crypto provider: ACCP 2.4.1 (native)"), line);
        assertEquals(CryptoProviderChoice.ACCP_NAME, CryptoProviderChoice.rsaSignatureProvider());

        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair keys = g.generateKeyPair();
        byte[] data = "văn bản".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.getPrivate());
        signer.update(data);
        byte[] signature = signer.sign();
        Signature jdk = Signature.getInstance("SHA256withRSA", "SunRsaSign");
        jdk.initVerify(keys.getPublic());
        jdk.update(data);
        assertTrue(jdk.verify(signature), "what ACCP signs, the JDK verifies (and so does every peer)");
    }

    @Test
    void aProviderAlreadyRegisteredInThisJvmIsReusedNotLoadedAgain() {
        CryptoProviderChoice.apply("auto");
        var first = Security.getProvider(CryptoProviderChoice.ACCP_NAME);
        Security.removeProvider(CryptoProviderChoice.ACCP_NAME);
        Security.addProvider(first); // as an earlier deployment might have left it: registered, but not first
        CryptoProviderChoice.apply("auto");
        assertSame(first, Security.getProviders()[0]);
        assertEquals(1, java.util.Arrays.stream(Security.getProviders())
                .filter(p -> p.getName().equals(CryptoProviderChoice.ACCP_NAME)).count());
    }

    @Test
    void jdkLeavesTheJdkProvidersAndUnknownValuesAreRefused() {
        CryptoProviderChoice.apply("auto");
        assertEquals("crypto provider: JDK (adapter.crypto.provider=jdk)", CryptoProviderChoice.apply("jdk"));
        assertNull(Security.getProvider(CryptoProviderChoice.ACCP_NAME));
        assertNotEquals(CryptoProviderChoice.ACCP_NAME, CryptoProviderChoice.rsaSignatureProvider());
        assertThrows(IllegalArgumentException.class, () -> CryptoProviderChoice.apply("openssl"));
    }
}
