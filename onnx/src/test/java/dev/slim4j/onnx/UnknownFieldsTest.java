package dev.slim4j.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.Dim;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.op.OpaqueOp;
import dev.slim4j.onnx.wire.ProtoWriter;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fields the IR does not map survive import -> export -> import unchanged, and unmodelled ops stay opaque. */
class UnknownFieldsTest {
    @Test
    void unknownFieldsInModelGraphAndNodeSurvive() {
        ProtoWriter node = ProtoFixtures.reluNode("x", "y").string(6, "node doc");
        ProtoFixtures.unknownVarint(node, 99, 12345);
        ProtoWriter graph = new ProtoWriter().message(1, node).string(2, "g")
                .message(11, ProtoFixtures.floatValueInfo("x", "N", 3, ""))
                .message(12, ProtoFixtures.floatValueInfo("y")).string(10, "graph doc").string(98, "future field");
        ProtoWriter opset = new ProtoWriter().string(1, "").varint(2, 17);
        ProtoWriter model = new ProtoWriter().varint(1, 8).message(7, graph).message(8, opset);
        ProtoFixtures.unknownVarint(model, 97, 7);

        Model m = OnnxReader.read(model.toByteArray());
        Node n = m.graph().nodes().getFirst();
        assertFalse(n.raw().isEmpty(), "node keeps doc_string and field 99");
        assertFalse(m.graph().raw().isEmpty(), "graph keeps doc_string and field 98");
        assertFalse(m.raw().isEmpty(), "model keeps field 97");
        assertEquals(List.of(Dim.symbol("N"), Dim.of(3), Dim.unknown()), m.graph().inputs().getFirst().type().dims().orElseThrow());

        byte[] written = OnnxWriter.toBytes(m);
        Model again = OnnxReader.read(written);
        assertEquals(m, again);
        String hex = HexFormat.of().formatHex(written);
        assertTrue(hex.contains(HexFormat.of().formatHex(new ProtoWriter().varint(99, 12345).toByteArray())));
        assertTrue(hex.contains(HexFormat.of().formatHex(new ProtoWriter().string(98, "future field").toByteArray())));
        assertTrue(hex.contains(HexFormat.of().formatHex(new ProtoWriter().varint(97, 7).toByteArray())));
    }

    @Test
    void unmodelledOpIsOpaqueAndWrittenBackUnchanged() {
        ProtoWriter node = new ProtoWriter().string(1, "x").string(2, "y").string(4, "FancyOp").string(7, "com.example")
                .message(5, new ProtoWriter().string(1, "alpha").float32(2, 0.5f).varint(20, 1))
                .message(5, new ProtoWriter().string(1, "sizes").varint(8, 1).varint(8, -2).varint(20, 7));
        ProtoWriter graph = new ProtoWriter().message(1, node).message(11, ProtoFixtures.floatValueInfo("x", 2))
                .message(12, ProtoFixtures.floatValueInfo("y", 2));
        ProtoWriter model = new ProtoWriter().varint(1, 8).message(7, graph)
                .message(8, new ProtoWriter().string(1, "").varint(2, 17))
                .message(8, new ProtoWriter().string(1, "com.example").varint(2, 1));
        Model m = OnnxReader.read(model.toByteArray());
        OpaqueOp op = assertInstanceOf(OpaqueOp.class, m.graph().nodes().getFirst().op());
        assertEquals("com.example", op.domain());
        assertEquals(0.5f, op.attributes().getFloat("alpha", 0));
        assertEquals(List.of(1L, -2L), op.attributes().optInts("sizes").orElseThrow());
        assertEquals(m, OnnxReader.read(OnnxWriter.toBytes(m)));
    }
}
