package dev.slim4j.compress.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.GraphBuilder;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.Value;
import dev.slim4j.runtime.Session;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Data-free inputs: the loss gradient against central finite differences in double precision, and the
 * synthesized inputs' BatchNorm-input statistics, measured by the reference runtime, against the running
 * statistics they were asked to match.
 */
class DataFreeInputsTest {
    /**
     * Conv(1->4, 3x3) -> BN -> ReLU -> Conv(4->3, 3x3) -> BN -> ReLU -> Flatten -> Gemm, in {@code type}, with running
     * statistics measured on "real" inputs (pixels N(0.2, 0.8^2)), so that inputs matching them exist.
     */
    private static Model convBn(DType type) {
        double[][] first = {new double[4], {1, 1, 1, 1}};
        double[][] second = {new double[3], {1, 1, 1}};
        first = statistics(build(type, first, second), 0, 4);
        second = statistics(build(type, first, second), 1, 3);
        return build(type, first, second);
    }

    /** Mean and population variance per channel at the input of the {@code index}-th BatchNorm, on 64 "real" inputs. */
    private static double[][] statistics(Model m, int index, int channels) {
        Random r = new Random(21);
        double[] x = new double[64 * 36];
        for (int i = 0; i < x.length; i++) x[i] = 0.2 + 0.8 * r.nextGaussian();
        Tensor in = Tensor.ofDoubles(Shape.of(64, 1, 6, 6), x).cast(m.graph().runtimeInputs().getFirst().type().dtype());
        try (Session s = Session.create(probe(m, index))) {
            return meanAndVariance(s.run(Map.of("x", in)).values().iterator().next(), channels);
        }
    }

    /** {@code m} with the input of its {@code index}-th BatchNorm as the only output. */
    private static Model probe(Model m, int index) {
        Graph g = m.graph();
        String bnInput = g.nodes().stream().filter(n -> n.op().opType().equals("BatchNormalization")).toList().get(index).input(0);
        Graph.Builder probe = g.toBuilder();
        probe.outputs.clear();
        probe.output(new Value(bnInput, g.typeOf(bnInput).orElseThrow()));
        return m.withGraph(probe.build());
    }

    private static double[][] meanAndVariance(Tensor a, int channels) {
        int n = a.shape().dim(0), size = 36;
        double[][] out = new double[2][channels];
        for (int c = 0; c < channels; c++) {
            double sum = 0, sq = 0;
            for (int b = 0; b < n; b++) for (int i = 0; i < size; i++) sum += a.getDouble((b * (long) channels + c) * size + i);
            double mean = sum / (n * size);
            for (int b = 0; b < n; b++) for (int i = 0; i < size; i++) sq += Math.pow(a.getDouble((b * (long) channels + c) * size + i) - mean, 2);
            out[0][c] = mean;
            out[1][c] = sq / (n * size);
        }
        return out;
    }

    private static Model build(DType type, double[][] first, double[][] second) {
        Random r = new Random(4);
        GraphBuilder b = GraphBuilder.create("conv-bn");
        String x = b.input("x", type, "N", 1, 6, 6);
        String c1 = b.conv(x, random(r, type, 0.5, 4, 1, 3, 3), random(r, type, 0.1, 4), 1, 1);
        String n1 = b.relu(b.batchNorm(c1, random(r, type, 1, 4), random(r, type, 0.1, 4), of(type, first[0]), of(type, first[1]), 1e-5f));
        String c2 = b.conv(n1, random(r, type, 0.3, 3, 4, 3, 3), random(r, type, 0.1, 3), 1, 1);
        String n2 = b.relu(b.batchNorm(c2, random(r, type, 1, 3), random(r, type, 0.1, 3), of(type, second[0]), of(type, second[1]), 1e-5f));
        String y = b.linear(b.flatten(n2, 1), random(r, type, 0.1, 5, 108), random(r, type, 0.1, 5));
        return b.output(y).buildModel();
    }

    private static Tensor random(Random r, DType type, double std, int... dims) {
        double[] v = new double[Shape.of(dims).intSize()];
        for (int i = 0; i < v.length; i++) v[i] = r.nextGaussian() * std;
        return Tensor.ofDoubles(Shape.of(dims), v).cast(type);
    }

    private static Tensor of(DType type, double... v) { return Tensor.ofDoubles(Shape.of(v.length), v).cast(type); }

    @Test void lossGradientMatchesCentralDifferences() {
        DataFreeInputs d = new DataFreeInputs(convBn(DType.FLOAT64), Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY);
        Shape shape = Shape.of(3, 1, 6, 6);
        Random r = new Random(9);
        double[] x = new double[shape.intSize()];
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian();
        double[] grad = new double[x.length];
        d.loss(x, shape, grad);
        double h = 1e-5;
        for (int i = 0; i < x.length; i += 7) {
            double keep = x[i];
            x[i] = keep + h;
            double up = d.loss(x, shape, null);
            x[i] = keep - h;
            double down = d.loss(x, shape, null);
            x[i] = keep;
            double numeric = (up - down) / (2 * h);
            assertEquals(numeric, grad[i], 1e-6 + 1e-4 * Math.abs(numeric), "element " + i);
        }
    }

    @Test void synthesizedInputsReproduceTheRunningStatistics() {
        Model m = convBn(DType.FLOAT32);
        DataFreeInputs d = new DataFreeInputs(m, -3f, 3f);
        DataFreeInputs.Result res = d.synthesize(DataFreeInputs.Settings.defaults().withImages(32).withBatchSize(16).withSteps(300));
        assertEquals(2, res.batches().size());
        assertTrue(res.finalLoss() < 0.01 * res.initialLoss(), res.initialLoss() + " -> " + res.finalLoss());
        for (int index = 0; index < 2; index++) {
            double[][] expected = statistics(m, index, 4 - index);
            try (Session s = Session.create(probe(m, index))) {
                for (Map<String, Tensor> batch : res.batches()) {
                    Tensor x = batch.get("x");
                    for (long i = 0; i < x.size(); i++) assertTrue(x.getFloat(i) >= -3f && x.getFloat(i) <= 3f);
                    double[][] got = meanAndVariance(s.run(batch).values().iterator().next(), 4 - index);
                    for (int c = 0; c < 4 - index; c++) {
                        double std = Math.sqrt(expected[1][c]);
                        assertEquals(expected[0][c], got[0][c], 0.05 * std, "BatchNorm " + index + " channel " + c + " mean");
                        assertEquals(std, Math.sqrt(got[1][c]), 0.05 * std, "BatchNorm " + index + " channel " + c + " std");
                    }
                }
            }
        }
    }

    @Test void aModelWithoutBatchNormIsRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new DataFreeInputs(new Models(1).convNet(), Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY));
        assertTrue(e.getMessage().contains("has no BatchNormalization"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DataFreeInputs.Settings.defaults().withBatchSize(1));
        assertThrows(IllegalArgumentException.class, () -> new DataFreeInputs(convBn(DType.FLOAT32), 1f, 1f));
    }

    @Test void calibratesOnTheSynthesizedInputs() {
        Model m = convBn(DType.FLOAT32);
        DataFreeInputs.Result res = new DataFreeInputs(m, -3f, 3f).synthesize(DataFreeInputs.Settings.defaults().withImages(16).withBatchSize(16).withSteps(50));
        Quantizer q = new Quantizer(QuantConfig.defaults());
        Model int8 = q.quantize(m, res.data());
        assertTrue(int8.graph().nodes().stream().anyMatch(n -> n.op().opType().equals("QuantizeLinear")));
        assertEquals(List.of("x"), int8.graph().runtimeInputs().stream().map(Value::name).toList());
    }
}
