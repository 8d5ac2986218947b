package dev.slim4j.cli.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.cli.CliRun;
import dev.slim4j.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceCommandTest {
    @Test void runsOneRealTestEndToEndAndReportsIt() {
        CliRun r = CliRun.of("conformance", "--filter", "^test_relu$", "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\"tests\": [{\"name\": \"test_relu\", \"suite\": \"node\""), r.out());
        long total = 0;
        for (String k : new String[] {"\"passed\": ", "\"failed\": ", "\"unsupported\": "}) {
            int at = r.out().indexOf(k) + k.length();
            total += Long.parseLong(r.out().substring(at, r.out().indexOf(',', at)));
        }
        assertEquals(1, total);
    }

    @Test void garbageModelFailsWithoutCrashingTheRun(@TempDir Path root) throws Exception {
        Path test = Files.createDirectories(root.resolve("node/test_garbage"));
        Files.write(test.resolve("model.onnx"), new byte[] {(byte) 0xFF, (byte) 0xFF, 1, 2, 3});
        Files.createDirectories(test.resolve("test_data_set_0"));
        CliRun r = CliRun.of("conformance", "--data", root.toString(), "--verbose");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("FAILED      node/test_garbage: reading model.onnx:"), r.out());
        assertTrue(r.out().contains("total: 0 passed, 1 failed, 0 unsupported, 0 deviation, 1 tests"), r.out());
    }

    @Test void badUsageIsAnError(@TempDir Path root) {
        assertEquals(Main.USAGE, CliRun.of("conformance", "--filter", "(").exitCode());
        assertEquals(Main.USAGE, CliRun.of("conformance", "--suites", "nodes").exitCode());
        assertEquals(Main.USAGE, CliRun.of("conformance", "--timeout", "0").exitCode());
        assertEquals(Main.FAILURE, CliRun.of("conformance", "--data", root.resolve("missing").toString()).exitCode());
    }
}
