package dev.slim4j.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.GraphBuilder;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.op.BinaryFunction;
import dev.slim4j.ir.op.HardSigmoid;
import dev.slim4j.ir.op.LeakyRelu;
import dev.slim4j.ir.op.UnaryFunction;
import dev.slim4j.onnx.OnnxReader;
import dev.slim4j.onnx.OnnxWriter;
import dev.slim4j.runtime.Session;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models built with {@link GraphBuilder}, written as ONNX, give the same outputs in ONNX Runtime Java
 * as in slim4j: ONNX Runtime is the independent reference for both the writer and the runtime.
 */
class OrtAgreementTest {
    private final Random random = new Random(42);

    @TempDir Path dir;

    @Test
    void multilayerPerceptron() throws Exception {
        GraphBuilder b = GraphBuilder.create("mlp");
        String x = b.input("x", DType.FLOAT32, "N", 784);
        String h = b.relu(b.linear(x, weights(64, 784), weights(64)));
        String h2 = b.node(new LeakyRelu(0.1f), b.linear(h, weights(32, 64), weights(32)));
        String y = b.softmax(b.linear(h2, weights(10, 32), weights(10)), 1);
        assertAgree(b.output(y).buildModel(), Map.of("x", input(3, 784)));
    }

    @Test
    void convolutionalNetWithBatchNormDepthwiseAndPooling() throws Exception {
        GraphBuilder b = GraphBuilder.create("cnn");
        String x = b.input("x", DType.FLOAT32, "N", 1, 28, 28);
        String c1 = b.conv(x, weights(8, 1, 3, 3), weights(8), 1, 1);
        String bn = b.batchNorm(c1, positive(8), weights(8), weights(8), positive(8), 1e-5f);
        String p1 = b.maxPool(b.relu(bn), 2, 2, 0);
        String dw = b.relu6(b.conv(p1, weights(8, 1, 3, 3), weights(8), 2, 1, 8));
        String pw = b.conv(dw, weights(16, 8, 1, 1), null, 1, 0);
        String hs = b.unary(UnaryFunction.HARD_SWISH, pw);
        String avg = b.averagePool(hs, 3, 1, 1);
        String g = b.flatten(b.globalAveragePool(avg), 1);
        String y = b.linear(g, weights(10, 16), weights(10));
        assertAgree(b.output(y).buildModel(), Map.of("x", input(2, 1, 28, 28)));
    }

    @Test
    void residualAndConcatBranches() throws Exception {
        GraphBuilder b = GraphBuilder.create("resnet-block");
        String x = b.input("x", DType.FLOAT32, "N", 4, 10, 10);
        String a = b.relu(b.conv(x, weights(4, 4, 3, 3), weights(4), 1, 1));
        String r = b.relu(b.add(b.conv(a, weights(4, 4, 3, 3), weights(4), 1, 1), x));
        String s = b.node(new HardSigmoid(0.2f, 0.5f), b.conv(r, weights(6, 4, 1, 1), weights(6), 1, 0));
        String t = b.binary(BinaryFunction.MUL, b.unary(UnaryFunction.TANH, r), b.unary(UnaryFunction.SIGMOID, r));
        String cat = b.concat(1, s, t);
        String y = b.reshape(b.transpose(cat, 0, 2, 3, 1), -1, 10);
        assertAgree(b.output(y).buildModel(), Map.of("x", input(2, 4, 10, 10)));
    }

    private void assertAgree(Model model, Map<String, Tensor> feeds) throws Exception {
        Path file = dir.resolve(model.graph().name() + ".onnx");
        OnnxWriter.write(model, file);
        Map<String, Tensor> expected = OrtPeer.run(Files.readAllBytes(file), feeds);
        try (Session s = Session.create(OnnxReader.read(file))) {
            Map<String, Tensor> actual = s.run(feeds);
            assertEquals(expected.keySet(), actual.keySet());
            for (String name : expected.keySet()) assertClose(expected.get(name), actual.get(name));
        }
    }

    private static void assertClose(Tensor expected, Tensor actual) {
        assertEquals(expected.shape(), actual.shape());
        float[] e = expected.floats();
        float[] a = actual.floats();
        for (int i = 0; i < e.length; i++) {
            double tol = 1e-5 + 1e-4 * Math.abs(e[i]);
            assertTrue(Math.abs(e[i] - a[i]) <= tol, "element " + i + ": onnxruntime " + e[i] + ", slim4j " + a[i]);
        }
    }

    private Tensor weights(int... dims) {
        Shape s = Shape.of(dims);
        float[] v = new float[s.intSize()];
        double scale = dims.length > 1 ? Math.sqrt(2.0 / s.sizeBetween(1, dims.length)) : 0.1;
        for (int i = 0; i < v.length; i++) v[i] = (float) (random.nextGaussian() * scale);
        return Tensor.ofFloats(s, v);
    }

    private Tensor positive(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = 0.5f + random.nextFloat();
        return Tensor.ofFloats(Shape.of(n), v);
    }

    private Tensor input(int... dims) {
        Shape s = Shape.of(dims);
        float[] v = new float[s.intSize()];
        for (int i = 0; i < v.length; i++) v[i] = random.nextFloat();
        return Tensor.ofFloats(s, v);
    }
}
