package vn.lienthong.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Server-side figures read from outside the adapter's JVM: /proc CPU and memory, jcmd heap, folder sizes. */
public final class ProcessProbe {

    /** Linux's USER_HZ: /proc reports CPU time in ticks of 10 ms on every mainstream kernel configuration. */
    static final long TICK_MILLIS = 10;
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total\\s+\\d+K,\\s+used\\s+(\\d+)K");
    private static final Pattern VM_RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

    private final long pid;

    public ProcessProbe(long pid) {
        this.pid = pid;
    }

    /** utime + stime of the process in milliseconds; -1 when there is no process to watch. */
    public long cpuMillis() {
        if (pid <= 0) {
            return -1;
        }
        try {
            return cpuMillisOf(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException e) {
            return -1;
        }
    }

    /** Fields 14 and 15 (utime, stime) of a /proc/PID/stat line; the command name in brackets may contain spaces. */
    static long cpuMillisOf(String statLine) {
        String[] f = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split("\\s+");
        // after "pid (comm) " the fields start at 3 (state), so utime (14) and stime (15) are at 11 and 12
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_MILLIS;
    }

    /** Resident set size in KiB; -1 when unknown. */
    public long rssKib() {
        if (pid <= 0) {
            return -1;
        }
        try {
            Matcher m = VM_RSS.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Heap in use in KiB after a full collection when {@code collectFirst} (so: live data); -1 when jcmd fails. */
    public long heapUsedKib(boolean collectFirst) {
        if (pid <= 0) {
            return -1;
        }
        if (collectFirst) {
            jcmd("GC.run");
        }
        return heapUsedKibOf(jcmd("GC.heap_info"));
    }

    static long heapUsedKibOf(String heapInfo) {
        Matcher m = HEAP_USED.matcher(heapInfo);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private String jcmd(String command) {
        try {
            Process p = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Bytes of the regular files under {@code dir}; 0 when it does not exist. */
    public static long sizeOf(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0; // a temporary file removed while we walked
                }
            }).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }
}
