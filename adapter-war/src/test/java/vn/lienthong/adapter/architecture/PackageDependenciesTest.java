package vn.lienthong.adapter.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Keeps the adapter's dependencies pointing one way (issue 10): {@code platform} is the ground and names no other
 * package of the adapter, and no group of top-level packages ({@code vn.lienthong.adapter.<name>}) depends on
 * itself in a circle. Reads the sources (imports and fully qualified names), the same scan as
 * {@code scripts/package-imports.py}; prints the arrows so a failure shows what to move.
 */
class PackageDependenciesTest {

    private static final String BASE = "vn.lienthong.adapter.";
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+vn\\.lienthong\\.adapter\\.(\\w+)", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\bvn\\.lienthong\\.adapter\\.(\\w+)\\.[\\w.]*[A-Z]");

    @Test
    void platformNamesNoOtherPackageOfTheAdapter() {
        Map<String, Set<String>> arrows = arrows(Path.of("src/main/java"));
        print(arrows);
        assertEquals(Set.of(), arrows.getOrDefault("platform", Set.of()), "platform is the ground; it imports");
    }

    @Test
    void noPackagesDependOnEachOtherInACircle() {
        Map<String, Set<String>> arrows = arrows(Path.of("src/main/java"));
        assertEquals(List.of(), circles(arrows), "packages that reach themselves through their imports");
    }

    @Test
    void theScanSeesACircleWhenThereIsOne() {
        Map<String, Set<String>> arrows = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        assertEquals(List.of(List.of("a", "b", "c")), circles(arrows));
    }

    static Map<String, Set<String>> arrows(Path sources) {
        Map<String, Set<String>> arrows = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                String text = Files.readString(file);
                Matcher own = PACKAGE.matcher(text);
                if (!own.find()) {
                    continue;
                }
                String from = own.group(1);
                Set<String> targets = arrows.computeIfAbsent(from, k -> new TreeSet<>());
                for (String line : text.split("\n")) {
                    if (line.startsWith("package ")) {
                        continue;
                    }
                    Matcher ref = REFERENCE.matcher(line);
                    while (ref.find()) {
                        if (!ref.group(1).equals(from)) {
                            targets.add(ref.group(1));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return arrows;
    }

    /** Strongly connected groups of more than one package (Tarjan), each sorted; a one-way graph has none. */
    static List<List<String>> circles(Map<String, Set<String>> arrows) {
        Map<String, Integer> index = new TreeMap<>();
        Map<String, Integer> low = new TreeMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<List<String>> circles = new ArrayList<>();
        for (String node : new TreeSet<>(arrows.keySet())) {
            if (!index.containsKey(node)) {
                visit(node, arrows, index, low, stack, circles);
            }
        }
        return circles;
    }

    private static void visit(String node, Map<String, Set<String>> arrows, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, List<List<String>> circles) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        for (String next : arrows.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                visit(next, arrows, index, low, stack, circles);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (stack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            TreeSet<String> group = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                group.add(member);
            } while (!member.equals(node));
            if (group.size() > 1) {
                circles.add(new ArrayList<>(group));
            }
        }
    }

    private static void print(Map<String, Set<String>> arrows) {
        StringBuilder out = new StringBuilder("Package import arrows of adapter-war:\n");
        arrows.forEach((from, to) -> out.append("  ").append(from).append(" -> ").append(to).append('\n'));
        System.out.print(out);
    }
}
