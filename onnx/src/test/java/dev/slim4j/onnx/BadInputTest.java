package dev.slim4j.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.Model;
import dev.slim4j.onnx.wire.ProtoWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Hostile and broken files: each fails with a ModelFormatException that says what is wrong. */
class BadInputTest {
    private static void rejects(byte[] model, String expected) {
        var e = assertThrows(ModelFormatException.class, () -> OnnxReader.read(model));
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' should contain '" + expected + "'");
    }

    private static void rejectsTensor(byte[] tensor, String expected) {
        var e = assertThrows(ModelFormatException.class, () -> OnnxReader.readTensor(tensor));
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' should contain '" + expected + "'");
    }

    private static byte[] withInitializer(ProtoWriter tensor) {
        return ProtoFixtures.model(ProtoFixtures.reluGraph().message(5, tensor));
    }

    @Test
    void everyTruncationFailsCleanly() {
        byte[] valid = ProtoFixtures.model(ProtoFixtures.reluGraph().message(5,
                ProtoFixtures.floatTensor("w", new long[] {2}, 1f, 2f)));
        OnnxReader.read(valid);
        for (int n = 0; n < valid.length; n++) {
            byte[] cut = Arrays.copyOf(valid, n);
            // the graph comes before the opset imports, so no prefix is a usable model
            assertThrows(ModelFormatException.class, () -> OnnxReader.read(cut), "truncated to " + n + " bytes");
        }
    }

    @Test
    void truncatedLengthDelimitedField() {
        byte[] valid = ProtoFixtures.model(ProtoFixtures.reluGraph());
        rejects(Arrays.copyOf(valid, valid.length - 3), "remain");
    }

    @Test
    void varintTooLong() {
        byte[] bad = new byte[12];
        bad[0] = 0x08; // field 1 (ir_version), varint
        Arrays.fill(bad, 1, 12, (byte) 0xFF);
        rejects(bad, "varint longer than 10 bytes");
    }

    @Test
    void lengthBeyondTheBuffer() {
        byte[] bad = new ProtoWriter().tag(7, 2).rawVarint(1L << 40).raw(new byte[10]).toByteArray();
        rejects(bad, "claims 1099511627776 bytes, only 10 remain");
    }

    @Test
    void forgedDimsAreCheckedBeforeAllocating() {
        ProtoWriter huge = ProtoFixtures.floatTensor("w", new long[] {1L << 20, 1L << 20}, 1f, 2f);
        rejects(withInitializer(huge), "give more than");
        ProtoWriter big = ProtoFixtures.floatTensor("w", new long[] {1000, 1000}, 1f, 2f);
        rejects(withInitializer(big), "raw_data has 8 bytes, expected 4000000");
        byte[] typed = new ProtoWriter().varint(1, 1 << 30).varint(2, 1).float32(4, 1f).toByteArray();
        rejectsTensor(typed, "float_data has 1 elements, expected 1073741824");
        byte[] noData = new ProtoWriter().varint(1, 1 << 30).varint(2, 7).toByteArray();
        rejectsTensor(noData, "int32_data has 0 elements".replace("int32", "int64"));
    }

    @Test
    void negativeDims() {
        rejectsTensor(new ProtoWriter().varint(1, -3).varint(2, 1).toByteArray(), "dim 0 is -3, expected >= 0");
        ProtoWriter graph = ProtoFixtures.reluGraph().message(13, ProtoFixtures.floatValueInfo("z", -1L));
        rejects(ProtoFixtures.model(graph), "dim 0 is -1, expected >= 0");
    }

    @Test
    void tooManyDims() {
        ProtoWriter t = new ProtoWriter().varint(2, 1);
        for (int i = 0; i < 70; i++) t.varint(1, 1);
        rejectsTensor(t.toByteArray(), "more than 64 dims");
    }

    @Test
    void deeplyNestedGraphs() {
        ProtoWriter graph = ProtoFixtures.reluGraph();
        for (int i = 0; i < 40; i++) {
            ProtoWriter attr = new ProtoWriter().string(1, "then_branch").message(6, graph).varint(20, 5);
            ProtoWriter node = new ProtoWriter().string(1, "c").string(2, "y").string(4, "If").message(5, attr);
            graph = new ProtoWriter().message(1, node).message(12, ProtoFixtures.floatValueInfo("y"));
        }
        rejects(ProtoFixtures.model(graph), "graphs nested deeper than 32 levels");
    }

    @Test
    void wrongWireType() {
        byte[] bad = new ProtoWriter().string(1, "eight").toByteArray();
        rejects(bad, "ir_version (field 1) expected wire type VARINT (0), found LEN (2)");
        ProtoWriter attr = new ProtoWriter().string(1, "alpha").string(2, "not a float").varint(20, 1);
        ProtoWriter node = ProtoFixtures.reluNode("x", "y").message(5, attr);
        ProtoWriter graph = new ProtoWriter().message(1, node).message(11, ProtoFixtures.floatValueInfo("x"))
                .message(12, ProtoFixtures.floatValueInfo("y"));
        rejects(ProtoFixtures.model(graph), "f (field 2) expected wire type I32 (5), found LEN (2)");
    }

    @Test
    void groupsAndFieldZero() {
        rejects(new byte[] {0x0B}, "wire type SGROUP (3)");
        rejects(new byte[] {0x00, 0x01}, "field number 0 is invalid");
    }

    @Test
    void unknownOrStringDataType() {
        rejectsTensor(new ProtoWriter().varint(2, 99).toByteArray(), "data_type 99 is not supported");
        rejectsTensor(new ProtoWriter().varint(1, 1).varint(2, 8).string(6, "hi").toByteArray(), "string tensors are not supported");
    }

    @Test
    void dataInTheWrongField() {
        rejectsTensor(new ProtoWriter().varint(1, 1).varint(2, 7).float32(4, 1f).toByteArray(), "float_data given for a INT64 tensor");
        rejectsTensor(new ProtoWriter().varint(1, 1).varint(2, 1).float32(4, 1f).bytes(9, new byte[4]).toByteArray(),
                "has both raw_data and float_data");
        rejectsTensor(new ProtoWriter().varint(2, 1).bytes(4, new byte[5]).toByteArray(), "expected a multiple of 4");
    }

    @Test
    void notAModel() {
        rejects(new byte[0], "ModelProto has no graph");
        rejects("hello, this is not an ONNX file\n".getBytes(StandardCharsets.UTF_8), "ModelProto");
    }

    @Test
    void nonTensorGraphInput() {
        ProtoWriter seq = new ProtoWriter().message(4, new ProtoWriter());
        ProtoWriter input = new ProtoWriter().string(1, "s").message(2, seq);
        ProtoWriter graph = ProtoFixtures.reluGraph().message(11, input);
        rejects(ProtoFixtures.model(graph), "graph input 's' has a sequence type, expected a tensor type");
    }

    @Test
    void duplicateInitializersAndMissingOpset() {
        ProtoWriter w = ProtoFixtures.floatTensor("w", new long[] {1}, 1f);
        rejects(ProtoFixtures.model(ProtoFixtures.reluGraph().message(5, w).message(5, w)), "two initializers named 'w'");
        ProtoWriter node = ProtoFixtures.reluNode("x", "y").string(7, "com.nowhere");
        ProtoWriter graph = new ProtoWriter().message(1, node).message(11, ProtoFixtures.floatValueInfo("x"))
                .message(12, ProtoFixtures.floatValueInfo("y"));
        rejects(ProtoFixtures.model(graph), "uses domain 'com.nowhere' but the model imports no opset for it");
    }

    @Test
    void danglingValuesAndCyclesStillLoad() {
        // The reader does not verify graphs (the GraphVerifier and the Session do); it loads them as written.
        ProtoWriter dangling = new ProtoWriter().message(1, ProtoFixtures.reluNode("missing", "y"))
                .message(11, ProtoFixtures.floatValueInfo("x")).message(12, ProtoFixtures.floatValueInfo("y"));
        Model m = OnnxReader.read(ProtoFixtures.model(dangling));
        assertEquals("missing", m.graph().nodes().getFirst().input(0));
        ProtoWriter cycle = new ProtoWriter().message(1, ProtoFixtures.reluNode("b", "a"))
                .message(1, ProtoFixtures.reluNode("a", "b")).message(12, ProtoFixtures.floatValueInfo("b"));
        assertEquals(2, OnnxReader.read(ProtoFixtures.model(cycle)).graph().nodes().size());
    }
}
