package dev.slim4j.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slim4j.ir.Model;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** import -> export -> import gives structurally equal models, on all of ONNX's test models. */
class RoundTripTest {
    @Test
    void everyTestModelRoundTrips() throws Exception {
        assumeTrue(TestData.present(), "libonnx-testdata is not installed");
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Path file : TestData.models()) {
            Model first;
            try {
                first = OnnxReader.read(file);
            } catch (ModelFormatException e) {
                continue; // counted and justified by TestDataLoadTest
            }
            try {
                byte[] bytes = OnnxWriter.toBytes(first);
                Model second = OnnxReader.read(bytes);
                assertEquals(first.graph(), second.graph(), "graph");
                assertEquals(first, second, "model");
                assertArrayEquals(bytes, OnnxWriter.toBytes(second), "second export differs from the first");
                checked++;
            } catch (AssertionError | RuntimeException e) {
                failures.add(file + ": " + e);
            }
        }
        if (!failures.isEmpty()) fail(failures.size() + " failures:\n" + String.join("\n", failures));
        assertTrue(checked > 900, "round-tripped only " + checked + " models");
    }

    @Test
    void writeIsAtomicAndReadable(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assumeTrue(TestData.present(), "libonnx-testdata is not installed");
        Model m = OnnxReader.read(TestData.ROOT.resolve("node/test_conv_with_strides_padding/model.onnx"));
        Path out = dir.resolve("conv.onnx");
        OnnxWriter.write(m, out);
        OnnxWriter.write(m, out);
        assertEquals(m, OnnxReader.read(out));
        try (var files = java.nio.file.Files.list(dir)) {
            assertEquals(List.of(out), files.toList(), "no temporary files are left behind");
        }
    }
}
