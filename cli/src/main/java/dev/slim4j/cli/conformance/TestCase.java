package dev.slim4j.cli.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One test of ONNX's backend test data: a folder with {@code model.onnx} and one or more
 * {@code test_data_set_N} folders holding {@code input_N.pb} and {@code output_N.pb}.
 */
public record TestCase(String suite, String name, Path dir) {
    /** The suites run by default, in report order. */
    public static final List<String> SUITES = List.of("node", "pytorch-converted", "pytorch-operator", "simple");

    public String qualifiedName() { return suite + "/" + name; }

    public Path model() { return dir.resolve("model.onnx"); }

    /** The data set folders, sorted by their number. */
    public List<Path> dataSets() {
        return listSorted(dir, p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("test_data_set_"));
    }

    /** {@code prefix_0.pb, prefix_1.pb, ...} in a data set folder, in index order, stopping at the first gap. */
    public static List<Path> numbered(Path dataSet, String prefix) {
        List<Path> files = new ArrayList<>();
        for (int i = 0; ; i++) {
            Path p = dataSet.resolve(prefix + "_" + i + ".pb");
            if (!Files.isRegularFile(p)) return files;
            files.add(p);
        }
    }

    /**
     * The tests under {@code root/SUITE/*} for each suite, sorted by name, whose name or
     * {@code suite/name} matches {@code filter} (a regular expression searched with find()).
     */
    public static List<TestCase> discover(Path root, List<String> suites, Pattern filter) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("conformance data folder " + root + " does not exist; expected ONNX's "
                    + "test data (Debian package libonnx-testdata) with the suites " + suites);
        }
        List<TestCase> cases = new ArrayList<>();
        for (String suite : suites) {
            Path suiteDir = root.resolve(suite);
            if (!Files.isDirectory(suiteDir)) continue;
            for (Path dir : listSorted(suiteDir, p -> Files.isRegularFile(p.resolve("model.onnx")))) {
                TestCase tc = new TestCase(suite, dir.getFileName().toString(), dir);
                if (filter.matcher(tc.name()).find() || filter.matcher(tc.qualifiedName()).find()) cases.add(tc);
            }
        }
        return cases;
    }

    private static List<Path> listSorted(Path dir, java.util.function.Predicate<Path> keep) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(keep).sorted(TestCase::byNaturalName).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** Orders "x_2" before "x_10". */
    private static int byNaturalName(Path a, Path b) {
        String sa = a.getFileName().toString();
        String sb = b.getFileName().toString();
        String na = sa.replaceAll("^.*?(\\d+)$", "$1");
        String nb = sb.replaceAll("^.*?(\\d+)$", "$1");
        String pa = sa.substring(0, sa.length() - (na.equals(sa) ? 0 : na.length()));
        String pb = sb.substring(0, sb.length() - (nb.equals(sb) ? 0 : nb.length()));
        if (pa.equals(pb) && !na.equals(sa) && !nb.equals(sb) && na.length() < 10 && nb.length() < 10) {
            return Integer.compare(Integer.parseInt(na), Integer.parseInt(nb));
        }
        return sa.compareTo(sb);
    }
}
