package vn.lienthong.edxml.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options (repeatable), {@code --flag} switches and positional arguments. */
final class Arguments {

    private static final Set<String> FLAGS = Set.of("--allow-sha1");

    private final Map<String, List<String>> options = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    static Arguments parse(String[] args) throws UsageException {
        Arguments a = new Arguments();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (FLAGS.contains(arg)) {
                a.options.computeIfAbsent(arg, k -> new ArrayList<>()).add("true");
            } else if (arg.startsWith("--")) {
                if (i + 1 >= args.length) {
                    throw new UsageException("option " + arg + " needs a value");
                }
                a.options.computeIfAbsent(arg, k -> new ArrayList<>()).add(args[++i]);
            } else {
                a.positional.add(arg);
            }
        }
        return a;
    }

    String option(String name) {
        List<String> values = options.get(name);
        return values == null ? null : values.get(values.size() - 1);
    }

    List<String> options(String name) {
        return options.getOrDefault(name, List.of());
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    Path file(int index, String what) throws UsageException {
        if (positional.size() <= index) {
            throw new UsageException("missing " + what);
        }
        return Paths.get(positional.get(index));
    }

    void expectPositional(int count) throws UsageException {
        if (positional.size() != count) {
            throw new UsageException("expected " + count + " file argument(s), got " + positional.size());
        }
    }
}
