package dev.slim4j.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** ONNX's own test models (Debian package libonnx-testdata), used as independent inputs. */
final class TestData {
    static final Path ROOT = Path.of("/usr/share/libonnx-testdata/data");
    static final List<String> SUITES = List.of("node", "pytorch-converted", "pytorch-operator", "simple");

    private TestData() {}

    static boolean present() { return Files.isDirectory(ROOT.resolve("node")); }

    /** Every model.onnx of the suites, sorted. */
    static List<Path> models() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String suite : SUITES) {
            Path dir = ROOT.resolve(suite);
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> s = Files.list(dir)) {
                s.map(d -> d.resolve("model.onnx")).filter(Files::isRegularFile).sorted().forEach(out::add);
            }
        }
        return out;
    }

    /** The .pb files of one model's test_data_set_* folders, sorted. */
    static List<Path> tensorFiles(Path model) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(model.getParent())) {
            for (Path set : s.filter(p -> p.getFileName().toString().startsWith("test_data_set_")).sorted().toList()) {
                try (Stream<Path> pbs = Files.list(set)) {
                    pbs.filter(p -> p.toString().endsWith(".pb")).sorted().forEach(out::add);
                }
            }
        }
        return out;
    }

    /** True when the message says the file uses something slim4j deliberately does not hold. */
    static boolean isKnownLimitation(ModelFormatException e) {
        String m = e.getMessage();
        return m.contains("string tensors are not supported") || m.contains("expected a tensor type");
    }
}
