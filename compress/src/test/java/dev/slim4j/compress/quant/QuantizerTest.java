package dev.slim4j.compress.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.Model;
import dev.slim4j.ir.Node;
import dev.slim4j.runtime.Session;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The prepare -> calibrate -> convert flow on small random models, checked by structure and by outputs. */
class QuantizerTest {
    private final Models models = new Models(7);

    @Test void convNetBecomesQdqAndStaysClose() {
        Model m = models.convNet();
        Quantizer q = new Quantizer(QuantConfig.defaults());
        Prepared p = q.prepare(m);
        assertEquals(List.of("conv1", "conv2", "gemm1"), p.targets().stream().map(t -> t.node().name()).toList());
        assertEquals(List.of("x", "relu1", "maxpool1", "relu2", "flatten1"), p.observed());
        var batches = models.batches(4, 8, 1, 12, 12);
        Model int8 = q.convert(p, q.calibrate(p, CalibrationData.of(batches)));
        assertEquals(5, count(int8, "QuantizeLinear"));
        assertEquals(5 + 3 + 3, count(int8, "DequantizeLinear"));
        assertEquals(DType.INT8, int8.graph().initializer("conv1.weight_quantized").orElseThrow().dtype());
        assertEquals(DType.INT32, int8.graph().initializer("conv1.bias_quantized").orElseThrow().dtype());
        assertEquals(4, int8.graph().initializer("conv1.weight_scale").orElseThrow().size());
        assertFalse(int8.graph().initializers().containsKey("conv1.weight"), "float weight dropped");
        assertTrue(m.graph().initializers().containsKey("conv1.weight"), "original untouched");
        assertClose(m, int8, batches.getFirst(), 0.05);
    }

    @Test void biasScaleIsInputScaleTimesWeightScale() {
        Model m = models.mlp();
        Quantizer q = new Quantizer(QuantConfig.defaults());
        Prepared p = q.prepare(m);
        ScaleTable s = q.calibrate(p, CalibrationData.of(models.batches(2, 4, 64)));
        Model int8 = q.convert(p, s);
        Tensor ws = int8.graph().initializer("gemm1.weight_scale").orElseThrow();
        Tensor bs = int8.graph().initializer("gemm1.bias_scale").orElseThrow();
        float in = s.get("x").params().scale();
        for (int c = 0; c < 32; c++) assertEquals(in * ws.getFloat(c), bs.getFloat(c));
    }

    @Test void excludedNodesStayFloat() {
        Model m = models.convNet();
        Quantizer q = new Quantizer(QuantConfig.defaults().withExcluded(Set.of("gemm1"), Set.of()));
        Prepared p = q.prepare(m);
        assertEquals(List.of("conv1", "conv2"), p.targets().stream().map(t -> t.node().name()).toList());
        Model int8 = q.convert(p, q.calibrate(p, CalibrationData.of(models.batches(2, 2, 1, 12, 12))));
        Node gemm = int8.graph().nodes().stream().filter(n -> n.name().equals("gemm1")).findFirst().orElseThrow();
        assertEquals("gemm1.weight", gemm.input(1));
        assertEquals("flatten1", gemm.input(0));
        Quantizer byType = new Quantizer(QuantConfig.defaults().withExcluded(Set.of(), Set.of("Conv")));
        assertEquals(List.of("gemm1"), byType.prepare(m).targets().stream().map(t -> t.node().name()).toList());
    }

    @Test void weightOnlyAndHalfPrecision() {
        Model m = models.mlp();
        var feeds = models.batches(1, 3, 64).getFirst();
        Quantizer w = new Quantizer(QuantConfig.defaults().withMode(Mode.WEIGHT_ONLY));
        Model wo = w.convert(w.prepare(m), ScaleTable.empty(QuantSpec.uint8Activations()));
        assertEquals(0, count(wo, "QuantizeLinear"));
        assertEquals(2, count(wo, "DequantizeLinear"));
        assertClose(m, wo, feeds, 0.03);
        Quantizer h = new Quantizer(QuantConfig.defaults().withMode(Mode.WEIGHT_ONLY).withWeights(HalfPrecision.float16()));
        Model fp16 = h.convert(h.prepare(m), ScaleTable.empty(QuantSpec.uint8Activations()));
        assertEquals(4, count(fp16, "Cast"));
        assertEquals(DType.FLOAT16, fp16.graph().initializer("gemm1.weight_float16").orElseThrow().dtype());
        assertClose(m, fp16, feeds, 2e-3);
        Quantizer bf = new Quantizer(QuantConfig.defaults().withMode(Mode.WEIGHT_ONLY).withWeights(HalfPrecision.bfloat16()));
        assertClose(m, bf.convert(bf.prepare(m), ScaleTable.empty(QuantSpec.uint8Activations())), feeds, 2e-2);
    }

    @Test void dynamicQuantizationOfGemm() {
        Model m = models.mlp();
        Quantizer q = new Quantizer(QuantConfig.defaults().withMode(Mode.DYNAMIC));
        Model dyn = q.convert(q.prepare(m), ScaleTable.empty(QuantSpec.uint8Activations()));
        assertEquals(2, count(dyn, "DynamicQuantizeLinear"));
        assertEquals(2, count(dyn, "MatMulInteger"));
        assertEquals(0, count(dyn, "Gemm"));
        assertClose(m, dyn, models.batches(1, 3, 64).getFirst(), 0.05);
    }

    @Test void lowBitWeightsAreStillCloseButLess() {
        Model m = models.mlp();
        var feeds = models.batches(1, 3, 64).getFirst();
        Quantizer four = new Quantizer(QuantConfig.defaults().withMode(Mode.WEIGHT_ONLY)
                .withWeights(QuantSpec.int8Weights().withBits(4)));
        Model w4 = four.convert(four.prepare(m), ScaleTable.empty(QuantSpec.uint8Activations()));
        Tensor q = w4.graph().initializer("gemm1.weight_quantized").orElseThrow();
        for (long i = 0; i < q.size(); i++) assertTrue(Math.abs(q.getLong(i)) <= 7);
        assertClose(m, w4, feeds, 0.5);
    }

    @Test void matMulWeightsArePerColumnAndActivationProductsQuantizeBothSides() {
        dev.slim4j.ir.GraphBuilder b = dev.slim4j.ir.GraphBuilder.create("mm");
        String x = b.input("x", DType.FLOAT32, "N", 64);
        String h = b.matmul(x, models.weights(0.2f, 64, 16));
        String sq = b.matmul(b.transpose(h, 1, 0), h);
        Model m = b.output(sq).buildModel();
        Quantizer q = new Quantizer(QuantConfig.defaults());
        Prepared p = q.prepare(m);
        assertEquals(List.of("x", "matmul1", "transpose1"), p.observed());
        var batches = models.batches(3, 5, 64);
        Model int8 = q.convert(p, q.calibrate(p, CalibrationData.of(batches)));
        Tensor scale = int8.graph().initializer("matmul1.weight_scale").orElseThrow();
        assertEquals(16, scale.size());
        assertClose(m, int8, batches.getFirst(), 0.05);
    }

    @Test void signedSymmetricActivations() {
        Model m = models.convNet();
        QuantSpec int8 = QuantSpec.uint8Activations().withSigned(true).withSymmetry(Symmetry.SYMMETRIC);
        Quantizer q = new Quantizer(QuantConfig.defaults().withActivations(int8).withMethod(CalibrationMethod.percentile(99.999)));
        Prepared p = q.prepare(m);
        var batches = models.batches(3, 4, 1, 12, 12);
        ScaleTable s = q.calibrate(p, CalibrationData.of(batches));
        assertEquals(DType.INT8, s.get("relu1").params().type());
        assertEquals(0, s.get("relu1").params().zeroPoint());
        assertClose(m, q.convert(p, s), batches.getFirst(), 0.08);
    }

    static int count(Model m, String opType) {
        return (int) m.graph().nodes().stream().filter(n -> n.op().opType().equals(opType)).count();
    }

    /** Max |a - b| relative to the float output's max |a|. */
    static double relativeError(Model a, Model b, Map<String, Tensor> feeds) {
        try (Session sa = Session.create(a); Session sb = Session.create(b)) {
            Tensor x = sa.run(feeds).values().iterator().next();
            Tensor y = sb.run(feeds).values().iterator().next();
            double max = 0, diff = 0;
            for (long i = 0; i < x.size(); i++) {
                max = Math.max(max, Math.abs(x.getFloat(i)));
                diff = Math.max(diff, Math.abs(x.getFloat(i) - y.getFloat(i)));
            }
            return diff / max;
        }
    }

    static void assertClose(Model a, Model b, Map<String, Tensor> feeds, double tolerance) {
        double e = relativeError(a, b, feeds);
        assertTrue(e <= tolerance, "relative error " + e + " above " + tolerance);
    }
}
