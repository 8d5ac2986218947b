package dev.slim4j.cli.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slim4j.cli.CliRun;
import dev.slim4j.train.data.FashionMnist;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZooCommandTest {
    @TempDir Path dir;

    @Test void listsEveryModelWithItsParameterCount() {
        CliRun r = CliRun.of("zoo", "list");
        assertEquals(0, r.exitCode(), r.err());
        for (String n : new String[] {"lenet300", "lenet5-caffe", "lenet5-bn", "mlp500-bn", "vgg-small", "resnet20", "mobilenetv2"}) {
            assertTrue(r.out().contains(n), r.out());
        }
        assertTrue(r.out().contains("272186"), r.out());
    }

    @Test void quickBuildTrainsOnceThenComesFromTheCache() {
        assumeTrue(Files.isDirectory(FashionMnist.DEFAULT_DIRECTORY), "Debian package dataset-fashion-mnist not installed");
        CliRun first = CliRun.of("zoo", "build", "lenet5", "--quick", "--cache", dir.toString(), "--threads", "1");
        assertEquals(0, first.exitCode(), first.err());
        Path file = dir.resolve("lenet5-quick.onnx");
        assertTrue(Files.isRegularFile(file));
        assertTrue(first.out().strip().endsWith(file.toString()), first.out());
        CliRun second = CliRun.of("zoo", "build", "lenet5", "--quick", "--cache", dir.toString());
        assertTrue(second.out().startsWith("cached: " + file), second.out());
    }

    @Test void unknownNamesAndActionsAreUsageErrors() {
        CliRun r = CliRun.of("zoo", "build", "alexnet", "--cache", dir.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("unknown zoo model 'alexnet', expected one of [lenet300"), r.err());
        CliRun a = CliRun.of("zoo", "fetch");
        assertEquals(2, a.exitCode());
        assertTrue(a.err().contains("expected list or build"), a.err());
    }
}
