package vn.lienthong.axis.simulator;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the simulator is started with. Built with {@link #builder()}; unset values have test-friendly
 * defaults (any free port on 127.0.0.1, a temporary data directory, the built-in demo directory).
 */
public final class SimulatorConfig {

    private final InetAddress bindAddress;
    private final int port;
    private final String basePath;
    private final Path dataDir;
    private final List<SystemAccount> systems;
    private final AgencyDirectory directory;
    private final Set<String> counterpartOrganIds;
    private final CounterpartScript counterpartScript;
    private final boolean transitTraceHeader;
    private final boolean hashFileCheck;
    private final boolean failedAckKeepsItemListed;
    private final Duration timestampWindow;
    private final long maxPackageBytes;
    private final PackageInspector inspector;

    private SimulatorConfig(Builder b) {
        this.bindAddress = b.bindAddress == null ? InetAddress.getLoopbackAddress() : b.bindAddress;
        this.port = b.port;
        this.basePath = normaliseBasePath(b.basePath);
        this.dataDir = b.dataDir;
        this.systems = List.copyOf(b.systems);
        this.directory = b.directory == null ? AgencyDirectory.builtIn() : b.directory;
        this.counterpartOrganIds = Set.copyOf(b.counterpartOrganIds);
        this.counterpartScript = b.counterpartScript == null ? CounterpartScript.accepting() : b.counterpartScript;
        this.transitTraceHeader = b.transitTraceHeader;
        this.hashFileCheck = b.hashFileCheck;
        this.failedAckKeepsItemListed = b.failedAckKeepsItemListed;
        this.timestampWindow = b.timestampWindow;
        this.maxPackageBytes = b.maxPackageBytes;
        this.inspector = b.inspector == null ? EdxmlPackageInspector.create() : b.inspector;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static String normaliseBasePath(String path) {
        String p = path == null || path.isBlank() ? "/" : path.trim();
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        return p.endsWith("/") ? p : p + "/";
    }

    public InetAddress bindAddress() { return bindAddress; }
    public int port() { return port; }
    /** Path under which the API operations live, with leading and trailing slash. */
    public String basePath() { return basePath; }
    /** Null = a temporary directory removed on close. */
    public Path dataDir() { return dataDir; }
    public List<SystemAccount> systems() { return systems; }
    public AgencyDirectory directory() { return directory; }
    public Set<String> counterpartOrganIds() { return counterpartOrganIds; }
    public CounterpartScript counterpartScript() { return counterpartScript; }
    public boolean transitTraceHeader() { return transitTraceHeader; }
    public boolean hashFileCheck() { return hashFileCheck; }
    public boolean failedAckKeepsItemListed() { return failedAckKeepsItemListed; }
    /** Null = timestamps are not checked (the SDK reuses one timestamp for a long time). */
    public Duration timestampWindow() { return timestampWindow; }
    public long maxPackageBytes() { return maxPackageBytes; }
    public PackageInspector inspector() { return inspector; }

    public static final class Builder {
        private InetAddress bindAddress;
        private int port;
        private String basePath = "/";
        private Path dataDir;
        private final List<SystemAccount> systems = new ArrayList<>();
        private AgencyDirectory directory;
        private final Set<String> counterpartOrganIds = new LinkedHashSet<>();
        private CounterpartScript counterpartScript;
        private boolean transitTraceHeader = true;
        private boolean hashFileCheck = true;
        private boolean failedAckKeepsItemListed = true;
        private Duration timestampWindow;
        private long maxPackageBytes = 200L * 1024 * 1024;
        private PackageInspector inspector;

        public Builder bindAddress(InetAddress address) { this.bindAddress = address; return this; }
        public Builder port(int port) { this.port = port; return this; }
        public Builder basePath(String path) { this.basePath = path; return this; }
        public Builder dataDir(Path dir) { this.dataDir = dir; return this; }
        public Builder system(SystemAccount account) { systems.add(Objects.requireNonNull(account)); return this; }
        public Builder systems(List<SystemAccount> accounts) { systems.addAll(accounts); return this; }
        public Builder directory(AgencyDirectory directory) { this.directory = directory; return this; }
        public Builder counterpart(String... organIds) { counterpartOrganIds.addAll(List.of(organIds)); return this; }
        public Builder counterpartScript(CounterpartScript script) { this.counterpartScript = script; return this; }
        public Builder transitTraceHeader(boolean on) { this.transitTraceHeader = on; return this; }
        public Builder hashFileCheck(boolean on) { this.hashFileCheck = on; return this; }
        public Builder failedAckKeepsItemListed(boolean on) { this.failedAckKeepsItemListed = on; return this; }
        public Builder timestampWindow(Duration window) { this.timestampWindow = window; return this; }
        public Builder maxPackageBytes(long max) { this.maxPackageBytes = max; return this; }
        public Builder inspector(PackageInspector inspector) { this.inspector = inspector; return this; }

        public SimulatorConfig build() {
            return new SimulatorConfig(this);
        }
    }
}
