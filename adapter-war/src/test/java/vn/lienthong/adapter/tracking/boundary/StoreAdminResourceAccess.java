package vn.lienthong.adapter.tracking.boundary;

import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;

/** Test access to {@link StoreAdminResource} with a given entity manager (its field is package-private). */
public final class StoreAdminResourceAccess {

    private StoreAdminResourceAccess() {
    }

    public static JsonObject counts(EntityManager em) {
        StoreAdminResource resource = new StoreAdminResource();
        resource.em = em;
        return resource.counts();
    }
}
