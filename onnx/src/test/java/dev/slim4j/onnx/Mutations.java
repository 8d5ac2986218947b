package dev.slim4j.onnx;

import dev.slim4j.onnx.wire.ProtoWriter;
import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/** Byte-level mutations of a valid model, for fuzz tests; choices come from any source of ints. */
final class Mutations {
    private Mutations() {}

    /** A small valid model exercising most of the reader: attributes of many kinds, typed and raw tensors, a subgraph. */
    static byte[] seedModel() {
        ProtoWriter typed = new ProtoWriter().varint(1, 3).varint(2, 7).message(7, new ProtoWriter().rawVarint(1).rawVarint(-1).rawVarint(300));
        ProtoWriter conv = new ProtoWriter().string(1, "x").string(1, "w").string(2, "c").string(3, "conv").string(4, "Conv")
                .message(5, new ProtoWriter().string(1, "kernel_shape").varint(8, 1).varint(8, 1).varint(20, 7))
                .message(5, new ProtoWriter().string(1, "auto_pad").string(4, "NOTSET").varint(20, 3))
                .string(6, "doc");
        ProtoWriter constant = new ProtoWriter().string(2, "k").string(4, "Constant")
                .message(5, new ProtoWriter().string(1, "value").message(5, typed).varint(20, 4));
        ProtoWriter body = ProtoFixtures.reluGraph();
        ProtoWriter iff = new ProtoWriter().string(1, "cond").string(2, "z").string(4, "If")
                .message(5, new ProtoWriter().string(1, "then_branch").message(6, body).varint(20, 5))
                .message(5, new ProtoWriter().string(1, "else_branch").message(6, body).varint(20, 5))
                .message(5, new ProtoWriter().string(1, "f").float32(2, 0.5f).varint(20, 1))
                .message(5, new ProtoWriter().string(1, "fs").float32(7, 0.5f).float32(7, 2f).varint(20, 6));
        ProtoWriter graph = new ProtoWriter().message(1, conv).message(1, constant).message(1, iff).string(2, "seed")
                .message(5, ProtoFixtures.floatTensor("w", new long[] {1, 1, 1, 1}, 2f))
                .message(11, ProtoFixtures.floatValueInfo("x", "N", 1, 2, 2))
                .message(12, ProtoFixtures.floatValueInfo("c", "N", 1, 2, 2));
        return ProtoFixtures.model(graph);
    }

    /** Applies 1 to 4 mutations (flip, overwrite, insert, delete, truncate, duplicate a slice). */
    static byte[] mutate(byte[] seed, IntUnaryOperator random) {
        byte[] b = seed;
        int rounds = 1 + random.applyAsInt(4);
        for (int r = 0; r < rounds && b.length > 0; r++) {
            int at = random.applyAsInt(b.length);
            b = switch (random.applyAsInt(6)) {
                case 0 -> { byte[] c = b.clone(); c[at] ^= (byte) (1 << random.applyAsInt(8)); yield c; }
                case 1 -> { byte[] c = b.clone(); c[at] = (byte) random.applyAsInt(256); yield c; }
                case 2 -> insert(b, at, (byte) random.applyAsInt(256));
                case 3 -> delete(b, at);
                case 4 -> Arrays.copyOf(b, at);
                default -> duplicate(b, at, 1 + random.applyAsInt(Math.min(16, b.length - at)));
            };
        }
        return b;
    }

    private static byte[] insert(byte[] b, int at, byte v) {
        byte[] c = new byte[b.length + 1];
        System.arraycopy(b, 0, c, 0, at);
        c[at] = v;
        System.arraycopy(b, at, c, at + 1, b.length - at);
        return c;
    }

    private static byte[] delete(byte[] b, int at) {
        byte[] c = new byte[b.length - 1];
        System.arraycopy(b, 0, c, 0, at);
        System.arraycopy(b, at + 1, c, at, b.length - at - 1);
        return c;
    }

    private static byte[] duplicate(byte[] b, int at, int n) {
        byte[] c = new byte[b.length + n];
        System.arraycopy(b, 0, c, 0, at + n);
        System.arraycopy(b, at, c, at + n, b.length - at);
        return c;
    }

    /** Reads {@code bytes}; passes when it loads (and then round-trips) or fails with ModelFormatException. */
    static void checkReader(byte[] bytes) {
        dev.slim4j.ir.Model m;
        try {
            m = OnnxReader.read(bytes);
        } catch (ModelFormatException expected) {
            return;
        }
        dev.slim4j.ir.Model again = OnnxReader.read(OnnxWriter.toBytes(m));
        if (!again.equals(m)) throw new AssertionError("a mutated model that loads does not round-trip");
    }
}
