package dev.slim4j.cli.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slim4j.cli.CliRun;
import dev.slim4j.cli.TestData;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
    private static final Path CONV = TestData.node("test_conv_with_strides_padding").resolve("model.onnx");

    @Test void convModelMetricsByHand() throws Exception {
        assumeTrue(TestData.readable(CONV), "the ONNX reader is not available yet");
        CliRun r = CliRun.of("inspect", CONV.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        // x[1,1,7,5] * W[1,1,3,3], stride 2, pad 1 -> y[1,1,4,3]: 12 outputs * 9 MACs; weights are graph inputs here
        assertTrue(r.out().contains("\"params\": 0, \"macs\": 108, \"bytes\": " + Files.size(CONV) + ","), r.out());
        // x 140 B and W 36 B live when y 48 B is made
        assertTrue(r.out().contains("\"peak_activation_bytes\": 224"), r.out());
        assertTrue(r.out().contains("\"op\": \"Conv\""), r.out());
    }

    @Test void tableStatesTheConventions() {
        assumeTrue(TestData.readable(CONV), "the ONNX reader is not available yet");
        CliRun r = CliRun.of("inspect", CONV.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("MACs                   108"), r.out());
        assertTrue(r.out().contains("1 multiply-accumulate = 1 MAC"), r.out());
    }

    @Test void findsExternalDataLocationsInHandEncodedProtobuf(@TempDir Path dir) throws Exception {
        byte[] entryKey = field(1, "location".getBytes(StandardCharsets.UTF_8));
        byte[] entryValue = field(2, "w.bin".getBytes(StandardCharsets.UTF_8));
        byte[] entry = field(13, concat(entryKey, entryValue));
        byte[] tensorName = field(8, "w".getBytes(StandardCharsets.UTF_8));
        byte[] tensor = field(5, concat(tensorName, new byte[] {8, 3}, entry)); // dims: varint field 1
        byte[] graph = field(7, concat(field(2, "g".getBytes(StandardCharsets.UTF_8)), tensor));
        byte[] model = concat(new byte[] {8, 8}, graph); // ir_version 8
        assertEquals(Set.of("w.bin"), ExternalDataFiles.locations(model));
        Path file = dir.resolve("m.onnx");
        Files.write(file, model);
        Files.write(dir.resolve("w.bin"), new byte[12]);
        assertEquals(model.length + 12, ExternalDataFiles.bytesOnDisk(file));
    }

    private static byte[] field(int number, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(number << 3 | 2);
        out.write(payload.length); // payloads here are < 128 bytes: a one-byte varint
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
