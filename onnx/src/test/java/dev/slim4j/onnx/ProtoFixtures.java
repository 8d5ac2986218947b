package dev.slim4j.onnx;

import dev.slim4j.onnx.wire.ProtoWriter;
import dev.slim4j.onnx.wire.WireType;

/** Hand-built ONNX messages, field numbers taken from onnx.proto, for tests of the reader. */
final class ProtoFixtures {
    private ProtoFixtures() {}

    static ProtoWriter floatValueInfo(String name, Object... dims) {
        ProtoWriter shape = new ProtoWriter();
        for (Object d : dims) {
            ProtoWriter dim = new ProtoWriter();
            if (d instanceof Long l) dim.varint(1, l);
            if (d instanceof Integer i) dim.varint(1, i);
            if (d instanceof String s) dim.string(2, s);
            shape.message(1, dim);
        }
        ProtoWriter tensorType = new ProtoWriter().varint(1, 1).message(2, shape);
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensorType));
    }

    static ProtoWriter reluNode(String in, String out) {
        return new ProtoWriter().string(1, in).string(2, out).string(3, "relu0").string(4, "Relu");
    }

    /** ModelProto with one graph, opset 17 of the default domain, built from the given graph. */
    static byte[] model(ProtoWriter graph) {
        ProtoWriter opset = new ProtoWriter().string(1, "").varint(2, 17);
        return new ProtoWriter().varint(1, 8).message(7, graph).message(8, opset).toByteArray();
    }

    /** x -> Relu -> y, x of type float[N, 3, ?]. */
    static ProtoWriter reluGraph() {
        return new ProtoWriter().message(1, reluNode("x", "y")).string(2, "g")
                .message(11, floatValueInfo("x", "N", 3, "")).message(12, floatValueInfo("y"));
    }

    /** A TensorProto of FLOAT with the given dims and raw_data. */
    static ProtoWriter floatTensor(String name, long[] dims, float... values) {
        ProtoWriter t = new ProtoWriter();
        for (long d : dims) t.varint(1, d);
        t.varint(2, 1).string(8, name);
        byte[] raw = new byte[values.length * 4];
        for (int i = 0; i < values.length; i++) {
            int bits = Float.floatToIntBits(values[i]);
            for (int k = 0; k < 4; k++) raw[4 * i + k] = (byte) (bits >>> (8 * k));
        }
        return t.bytes(9, raw);
    }

    static ProtoWriter unknownVarint(ProtoWriter w, int field, long v) {
        return w.tag(field, WireType.VARINT).rawVarint(v);
    }
}
