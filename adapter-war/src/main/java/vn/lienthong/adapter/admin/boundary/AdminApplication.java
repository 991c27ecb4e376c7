package vn.lienthong.adapter.admin.boundary;

import java.util.Set;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import vn.lienthong.adapter.admin.boundary.AuditAdminResource;
import vn.lienthong.adapter.admin.boundary.OutboxAdminResource;
import vn.lienthong.adapter.alerting.boundary.AlertsAdminResource;
import vn.lienthong.adapter.signatures.boundary.SignaturesAdminResource;
import vn.lienthong.adapter.statistics.boundary.StatisticsResource;
import vn.lienthong.adapter.tracking.boundary.StoreAdminResource;
import vn.lienthong.adapter.backup.boundary.BackupAdminResource;
import vn.lienthong.adapter.retention.boundary.RetentionAdminResource;

/**
 * The operators' HTTP interface under {@code /admin}, separate from the SOAP services. Classes are listed, not
 * scanned, so nothing reaches this path by accident; every request passes {@link AdminAuthentication} (and, when
 * configured, {@link AdminClientCertificate}).
 */
@ApplicationPath("admin")
public class AdminApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(AdminClientCertificate.class, AdminAuthentication.class, AdminCallAudit.class,
                OutboxAdminResource.class, AuditAdminResource.class, StoreAdminResource.class,
                AlertsAdminResource.class, BackupAdminResource.class, StatisticsResource.class,
                RetentionAdminResource.class,
                SignaturesAdminResource.class); // issue 14
    }
}
