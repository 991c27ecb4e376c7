package vn.lienthong.adapter.legacy.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;

/**
 * The dispatch table of the old protocol: one CDI handler per SOAPAction of the contract, found as the container
 * finds them, and a deployment that would miss one or have two stops instead of answering {@code M.SOAPAction}.
 */
class EdocDispatchTest {

    @Test
    void everyHandlerInThePackageIsABeanForOneContractAction() throws Exception {
        Path classes = Path.of(EdocEndpoint.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(EdocEndpoint.class.getPackageName().replace('.', '/'));
        Set<String> found;
        try (Stream<Path> files = Files.list(classes)) {
            found = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .map(n -> EdocEndpoint.class.getPackageName() + "." + n.substring(0, n.length() - 6))
                    .filter(n -> {
                        try {
                            Class<?> c = Class.forName(n);
                            return LegacyAction.class.isAssignableFrom(c) && !c.isInterface();
                        } catch (ClassNotFoundException e) {
                            throw new IllegalStateException(e);
                        }
                    }).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(found, LegacyWiring.ACTION_CLASSES.stream().map(Class::getName)
                .collect(Collectors.toCollection(TreeSet::new)), "handlers the tests wire = handlers CDI finds");
        List<LegacyAction> handlers = new ArrayList<>();
        for (Class<? extends LegacyAction> type : LegacyWiring.ACTION_CLASSES) {
            assertTrue(type.isAnnotationPresent(ApplicationScoped.class), type + " is a bean (annotated discovery)");
            handlers.add(type.getDeclaredConstructor().newInstance());
        }
        assertEquals(new TreeSet<>(EdocEndpoint.ACTIONS), EdocEndpoint.byName(handlers).keySet());
    }

    @Test
    void aMissingOrDoubledHandlerStopsTheDeployment() throws Exception {
        List<LegacyAction> handlers = new ArrayList<>();
        for (Class<? extends LegacyAction> type : LegacyWiring.ACTION_CLASSES) {
            handlers.add(type.getDeclaredConstructor().newInstance());
        }
        assertThrows(IllegalStateException.class, () -> EdocEndpoint.byName(handlers.subList(1, handlers.size())));
        List<LegacyAction> doubled = new ArrayList<>(handlers);
        doubled.add(new CheckPermissionAction());
        assertThrows(IllegalStateException.class, () -> EdocEndpoint.byName(doubled));
    }
}
