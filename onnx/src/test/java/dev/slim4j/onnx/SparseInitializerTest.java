package dev.slim4j.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.GraphBuilder;
import dev.slim4j.ir.Model;
import dev.slim4j.onnx.wire.ProtoWriter;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GraphProto sparse_initializer: mostly-zero float initializers written sparse come back as the same dense tensors,
 * the file shrinks, dense ones stay dense; hand-built sparse tensors with bad indices or forged dims are refused.
 */
class SparseInitializerTest {
    @TempDir Path dir;

    private static Model model(double density) {
        Random r = new Random(1);
        float[] w = new float[64 * 100];
        for (int i = 0; i < w.length; i++) w[i] = r.nextDouble() < density ? r.nextFloat() - 0.5f : 0f;
        float[] bias = new float[64];
        for (int i = 0; i < bias.length; i++) bias[i] = r.nextFloat();
        GraphBuilder b = GraphBuilder.create("fc");
        String x = b.input("x", DType.FLOAT32, "N", 100);
        return b.outputAs(b.linear(x, Tensor.of(w, 64, 100), Tensor.of(bias, 64)), "y").buildModel();
    }

    @Test
    void sparseInitializersRoundTripAndShrinkTheFile() throws Exception {
        Model m = model(0.1);
        Path dense = dir.resolve("dense.onnx");
        Path sparse = dir.resolve("sparse.onnx");
        OnnxWriter.write(m, dense);
        OnnxWriter.write(m, sparse, WriteOptions.defaults().withSparseInitializers(0.3));
        assertTrue(Files.size(sparse) < Files.size(dense) / 2, Files.size(sparse) + " vs " + Files.size(dense));
        Model back = OnnxReader.read(sparse);
        assertEquals(m.graph().initializers().keySet(), back.graph().initializers().keySet());
        m.graph().initializers().forEach((name, t) -> {
            assertEquals(t.shape(), back.graph().initializers().get(name).shape(), name);
            assertArrayEquals(t.floats(), back.graph().initializers().get(name).floats(), name);
        });
        Model again = OnnxReader.read(OnnxWriter.toBytes(back)); // written dense again (initializer order may differ)
        m.graph().initializers().forEach((name, t) ->
                assertArrayEquals(t.floats(), again.graph().initializers().get(name).floats(), name));
    }

    @Test
    void denseInitializersStayDense() throws Exception {
        Model m = model(0.9);
        Path file = dir.resolve("m.onnx");
        OnnxWriter.write(m, file, WriteOptions.defaults().withSparseInitializers(0.3));
        assertArrayEquals(OnnxWriter.toBytes(m), Files.readAllBytes(file));
        assertThrows(IllegalArgumentException.class, () -> WriteOptions.defaults().withSparseInitializers(1.5));
    }

    @Test
    void badSparseTensorsAreRefused() {
        ModelFormatException outside = assertThrows(ModelFormatException.class,
                () -> OnnxReader.read(withSparse(sparseTensor(new long[] {2, 3}, new long[] {1, 6}, 1f, 2f))));
        assertTrue(outside.getMessage().contains("index 6"), outside.getMessage());
        ModelFormatException forged = assertThrows(ModelFormatException.class,
                () -> OnnxReader.read(withSparse(sparseTensor(new long[] {1L << 20, 1L << 10}, new long[] {0}, 1f))));
        assertTrue(forged.getMessage().contains("elements per value"), forged.getMessage());
        assertThrows(ModelFormatException.class,
                () -> OnnxReader.read(withSparse(new ProtoWriter().varint(3, 4))), "no values and indices");
        Model ok = OnnxReader.read(withSparse(sparseTensor(new long[] {2, 3}, new long[] {1, 5}, 1f, 2f)));
        assertArrayEquals(new float[] {0, 1, 0, 0, 0, 2}, ok.graph().initializers().get("w").floats());
    }

    /** A SparseTensorProto named "w": FLOAT values, INT64 positions, dense dims. */
    private static ProtoWriter sparseTensor(long[] dims, long[] positions, float... values) {
        ProtoWriter indices = new ProtoWriter().varint(1, positions.length).varint(2, 7);
        for (long p : positions) indices.varint(7, p);
        ProtoWriter s = new ProtoWriter().message(1, ProtoFixtures.floatTensor("w", new long[] {values.length}, values))
                .message(2, indices);
        for (long d : dims) s.varint(3, d);
        return s;
    }

    private static byte[] withSparse(ProtoWriter sparse) {
        return ProtoFixtures.model(ProtoFixtures.reluGraph().message(15, sparse));
    }
}
