package vn.lienthong.adapter.legacy.boundary;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Wires the old-protocol endpoint outside the container as CDI does inside it: every {@link LegacyAction}, the
 * shared {@link LegacyAccess}, and the endpoint's dispatch table, from the services a test provides by field name
 * ({@code tokens}, {@code authority}, {@code audit}, {@code exchange}, {@code directory}, {@code settings}); the
 * endpoint's {@link LegacyUnitOfWork} gets the same {@code audit}.
 * A service a test leaves out stays null, as in the tests before the handlers were split.
 */
final class LegacyWiring {

    static final List<Class<? extends LegacyAction>> ACTION_CLASSES = List.of(SendDocumentAction.class,
            GetPendingDocumentIdsAction.class, GetDocumentAction.class, ConfirmReceivedAction.class,
            UpdateTracesAction.class, GetTracesAction.class, CheckPermissionAction.class,
            GetOrganizationsAction.class);

    private LegacyWiring() {
    }

    static EdocEndpoint endpoint(Map<String, Object> services) throws ReflectiveOperationException {
        LegacyAccess access = set(new LegacyAccess(), services);
        List<LegacyAction> handlers = new ArrayList<>();
        for (Class<? extends LegacyAction> type : ACTION_CLASSES) {
            LegacyAction handler = set(type.getDeclaredConstructor().newInstance(), services);
            set(handler, Map.of("access", access));
            handlers.add(handler);
        }
        EdocEndpoint endpoint = set(new EdocEndpoint(), services);
        set(endpoint, Map.of("unitOfWork", set(new LegacyUnitOfWork(), services)));
        return set(endpoint, Map.of("actions", EdocEndpoint.byName(handlers)));
    }

    /** Sets those of {@code values} that {@code target} has a field for. */
    private static <T> T set(T target, Map<String, ?> values) throws IllegalAccessException {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (values.containsKey(f.getName()) && !java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    f.set(target, values.get(f.getName()));
                }
            }
        }
        return target;
    }
}
