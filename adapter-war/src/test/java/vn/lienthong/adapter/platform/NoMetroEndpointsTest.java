package vn.lienthong.adapter.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Guards the rule that keeps Metro away: a concrete class annotated {@code @WebService} or
 * {@code @WebServiceProvider} would be deployed a second time, unsecured, by Payara Server's JAX-WS runtime.
 */
class NoMetroEndpointsTest {

    @Test
    void noImplementationClassCarriesJaxWsEndpointAnnotations() throws IOException {
        Path classes = Path.of("target", "classes");
        assertTrue(Files.isDirectory(classes), "compiled classes present");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(classes)) {
            offenders = files.filter(p -> p.toString().endsWith(".class"))
                    .filter(NoMetroEndpointsTest::annotatedAsEndpoint)
                    .map(Path::toString)
                    .toList();
        }
        assertEquals(List.of(), offenders);
    }

    private static boolean annotatedAsEndpoint(Path classFile) {
        String name = Path.of("target", "classes").relativize(classFile).toString()
                .replace('/', '.').replaceAll("\\.class$", "");
        try {
            Class<?> type = Class.forName(name, false, NoMetroEndpointsTest.class.getClassLoader());
            return !type.isInterface() && (type.isAnnotationPresent(jakarta.jws.WebService.class)
                    || type.isAnnotationPresent(jakarta.xml.ws.WebServiceProvider.class));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
