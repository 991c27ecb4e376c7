package vn.lienthong.adapter.alerting.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import vn.lienthong.adapter.alerting.entity.AlertRule;
import vn.lienthong.adapter.alerting.entity.Finding;

/**
 * The data folder's file system has less than N MiB usable. To the operators; cleared when space is freed (or
 * the threshold lowered).
 */
final class DiskSpaceRule implements Rule {

    private static final long MIB = 1024L * 1024;

    @Override
    public AlertRule rule() {
        return AlertRule.DISK_SPACE;
    }

    @Override
    public List<Finding> findings(RuleContext ctx) {
        var setting = ctx.setting(rule(), null);
        if (!setting.enabled()) {
            return List.of();
        }
        Path dir = ctx.dataDir();
        long usable;
        try {
            usable = Files.getFileStore(Files.exists(dir) ? dir : dir.toAbsolutePath().getRoot()).getUsableSpace();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot read the free space of " + dir, e);
        }
        long freeMib = usable / MIB;
        if (freeMib >= setting.threshold()) {
            return List.of();
        }
        return List.of(new Finding(rule(), dir.toString(), null,
                "Thư mục dữ liệu " + dir + " chỉ còn " + freeMib + " MiB trống (ngưỡng " + setting.threshold()
                        + " MiB).",
                "The data folder " + dir + " has only " + freeMib + " MiB free (threshold " + setting.threshold()
                        + " MiB)."));
    }
}
