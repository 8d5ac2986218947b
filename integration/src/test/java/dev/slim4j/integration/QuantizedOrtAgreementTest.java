package dev.slim4j.integration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.compress.quant.CalibrationData;
import dev.slim4j.compress.quant.CalibrationMethod;
import dev.slim4j.compress.quant.Granularity;
import dev.slim4j.compress.quant.QuantSpec;
import dev.slim4j.compress.quant.Symmetry;
import dev.slim4j.compress.quant.HalfPrecision;
import dev.slim4j.compress.quant.Mode;
import dev.slim4j.compress.quant.ModelSize;
import dev.slim4j.compress.quant.QuantConfig;
import dev.slim4j.compress.quant.Quantizer;
import dev.slim4j.ir.Model;
import dev.slim4j.onnx.OnnxReader;
import dev.slim4j.onnx.OnnxWriter;
import dev.slim4j.runtime.Session;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.train.data.Batch;
import dev.slim4j.train.data.DataLoader;
import dev.slim4j.train.data.FashionMnist;
import dev.slim4j.train.data.LoaderConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quantized models slim4j writes load in ONNX Runtime Java and agree with slim4j's reference execution
 * of the same file; they stay close to the float model; INT8 weights are at least 3.9x smaller.
 * Briefly trained Fashion-MNIST models, real test images.
 */
class QuantizedOrtAgreementTest {
    @TempDir Path dir;

    @Test void staticQdqMlp() throws Exception { checkStatic(FashionModels.mlp(), QuantConfig.defaults()); }

    @Test void staticQdqConvNet() throws Exception { checkStatic(FashionModels.convNet(), QuantConfig.defaults()); }

    @Test void signedSymmetricActivationsPerTensorWeightsConvNet() throws Exception {
        QuantSpec int8 = QuantSpec.uint8Activations().withSigned(true).withSymmetry(Symmetry.SYMMETRIC);
        checkStatic(FashionModels.convNet(), QuantConfig.defaults().withActivations(int8)
                .withWeights(QuantSpec.int8Weights().withGranularity(Granularity.perTensor())).withMethod(CalibrationMethod.entropy()));
    }

    /**
     * 7-bit weights ([-64, 63]) cannot saturate ONNX Runtime's vpmaddubsw pair sums (255 x 64 x 2 < 32768), so its
     * fused integer kernels are exact on every x86 CPU and are compared with slim4j's everywhere, also where the
     * 8-bit comparisons above are skipped: what differs there is the saturation, not the model.
     */
    @Test void sevenBitWeightsConvNetAgreesWithOrtsFusedKernelsOnAnyCpu() throws Exception {
        checkStatic(FashionModels.convNet(), QuantConfig.defaults().withWeights(QuantSpec.int8Weights().withBits(7)), true);
    }

    @Test void dynamicMlp() throws Exception {
        Model fp32 = FashionModels.mlp();
        Quantizer q = new Quantizer(QuantConfig.defaults().withMode(Mode.DYNAMIC));
        Model dyn = q.quantize(fp32, CalibrationData.of(java.util.List.of()));
        Path file = write(dyn, "dynamic");
        Map<String, Tensor> feeds = testImages(64);
        Tensor ours = run(OnnxReader.read(file), feeds);
        Tensor ort = OrtPeer.run(Files.readAllBytes(file), feeds).values().iterator().next();
        double tight = maxDiff(ours, ort) / range(ours);
        System.out.printf("dynamic mlp: ORT vs slim4j max |diff| / logit range = %.2e, vs FP32 %.2e%n", tight,
                maxDiff(ours, run(fp32, feeds)) / range(ours));
        if (OrtPeer.exactUint8Int8Kernels()) {
            assertTrue(tight < 1e-4, "ORT and slim4j differ by " + tight);
        } else {
            System.out.println("dynamic mlp: ORT's uint8 x int8 kernels saturate on this CPU (no VNNI): not compared");
        }
        assertTrue(maxDiff(ours, run(fp32, feeds)) / range(ours) < 0.05);
    }

    @Test void float16WeightsConvNet() throws Exception {
        Model fp32 = FashionModels.convNet();
        Quantizer q = new Quantizer(QuantConfig.defaults().withMode(Mode.WEIGHT_ONLY).withWeights(HalfPrecision.float16()));
        Path file = write(q.quantize(fp32, CalibrationData.of(java.util.List.of())), "fp16");
        Map<String, Tensor> feeds = testImages(32);
        Tensor ours = run(OnnxReader.read(file), feeds);
        Tensor ort = OrtPeer.run(Files.readAllBytes(file), feeds).values().iterator().next();
        assertTrue(maxDiff(ours, ort) / range(ours) < 1e-4);
        assertTrue(maxDiff(ours, run(fp32, feeds)) / range(ours) < 5e-3);
        double ratio = (double) Files.size(write(fp32, "fp32")) / Files.size(file);
        assertTrue(ratio > 1.9, "FP16 file only " + ratio + "x smaller");
    }

    /** Per-node weight bits (4 and 6 in INT8 containers) are ordinary QDQ to ONNX Runtime; the packed count sees them. */
    @Test void mixedWeightBitsConvNet() throws Exception {
        Model fp32 = FashionModels.convNet();
        Quantizer plain = new Quantizer(QuantConfig.defaults());
        var targets = plain.prepare(fp32).targets();
        String first = targets.getFirst().node().name(), last = targets.getLast().node().name();
        Quantizer q = new Quantizer(QuantConfig.defaults().withWeightBits(Map.of(first, 4, last, 6)));
        var calib = CalibrationData.of(FashionMnist.train(), LoaderConfig.defaults(), 256);
        Model mixed = q.quantize(fp32, calib);
        Path file = write(mixed, "mixed");
        Map<String, Tensor> feeds = testImages(64);
        Tensor ours = run(OnnxReader.read(file), feeds);
        Tensor literal = OrtPeer.run(Files.readAllBytes(file), feeds, false).values().iterator().next();
        double r = range(ours);
        System.out.printf("mixed bits convnet: ORT (no fusion) vs slim4j %.2e of logit range %.2f, top-1 agreement with FP32 %d/64%n",
                maxDiff(ours, literal), r, agreement(ours, run(fp32, feeds)));
        assertTrue(maxDiff(ours, literal) <= 1e-4 * r, "ORT without fusions differs by " + maxDiff(ours, literal));
        assertTrue(ModelSize.bitsHolding(mixed.graph().initializers().get(first + ".weight_quantized")) == 4);
        assertTrue(ModelSize.bitsHolding(mixed.graph().initializers().get(last + ".weight_quantized")) == 6);
        Model int8 = plain.quantize(fp32, calib);
        long n1 = fp32.graph().initializers().get(first + ".weight").size(), n2 = fp32.graph().initializers().get(last + ".weight").size();
        assertTrue(ModelSize.of(int8).packedBytes() - ModelSize.of(mixed).packedBytes() == n1 - (n1 * 4 + 7) / 8 + n2 - (n2 * 6 + 7) / 8);
    }

    private void checkStatic(Model fp32, QuantConfig config) throws Exception {
        checkStatic(fp32, config, OrtPeer.exactUint8Int8Kernels());
    }

    private void checkStatic(Model fp32, QuantConfig config, boolean compareFused) throws Exception {
        Quantizer q = new Quantizer(config);
        var calib = CalibrationData.of(FashionMnist.train(), LoaderConfig.defaults(), 256);
        Model int8 = q.quantize(fp32, calib);
        Path file = write(int8, "int8");
        Path floatFile = write(fp32, "fp32");
        Map<String, Tensor> feeds = testImages(64);
        Tensor ours = run(OnnxReader.read(file), feeds);
        byte[] bytes = Files.readAllBytes(file);
        Tensor literal = OrtPeer.run(bytes, feeds, false).values().iterator().next();
        Tensor fused = OrtPeer.run(bytes, feeds, true).values().iterator().next();
        Tensor reference = run(fp32, feeds);
        Map<String, Long> fusedOps = OrtPeer.optimizedOpTypes(bytes, dir.resolve("ort-optimized.onnx"));
        System.out.println(fp32.graph().name() + ": ONNX Runtime's optimized graph: " + fusedOps);
        assertTrue(fusedOps.containsKey("QGemm"), "ONNX Runtime should run the QDQ Gemms as integer QGemm, found " + fusedOps);
        double r = range(reference);
        double step = lastInputStep(int8);
        System.out.printf("%s: ORT (no fusion) vs slim4j %.2e, ORT (all graph optimizations) vs slim4j %.2e, INT8 vs FP32 %.2e "
                        + "(of logit range %.2f), top-1 agreement with FP32 %d/64, file %d -> %d bytes (%.2fx)%n",
                fp32.graph().name(), maxDiff(ours, literal), maxDiff(ours, fused), maxDiff(ours, reference), r,
                agreement(ours, reference), Files.size(floatFile), Files.size(file), (double) Files.size(floatFile) / Files.size(file));
        assertTrue(maxDiff(ours, literal) <= 1e-4 * r, "ORT without fusions differs by " + maxDiff(ours, literal));
        // ORT's fused integer kernels are compared where they are exact; the unfused run above is compared everywhere
        if (compareFused) {
            assertTrue(maxDiff(ours, fused) <= 0.02 * r, "ORT with graph optimizations differs by " + maxDiff(ours, fused)
                    + " (last input step " + step + ")");
        } else {
            System.out.println(fp32.graph().name() + ": ORT's fused uint8 x int8 kernels saturate on this CPU (no VNNI): not compared");
        }
        assertTrue(maxDiff(ours, reference) <= 0.08 * r, "INT8 differs from FP32 by " + maxDiff(ours, reference));
        assertTrue(agreement(ours, reference) >= 60);
        ModelSize before = ModelSize.of(fp32), after = ModelSize.of(int8);
        System.out.printf("%s: weight bytes %d -> %d (%.3fx), all initializers %d -> %d (%.3fx)%n", fp32.graph().name(),
                before.weightBytes(), after.weightBytes(), (double) before.weightBytes() / after.weightBytes(),
                before.initializerBytes(), after.initializerBytes(), (double) before.initializerBytes() / after.initializerBytes());
        assertTrue((double) before.weightBytes() / after.weightBytes() >= 3.9, "weight bytes " + before + " -> " + after);
    }

    private Path write(Model m, String tag) {
        Path file = dir.resolve(m.graph().name() + "." + tag + ".onnx");
        OnnxWriter.write(m, file);
        return file;
    }

    static Map<String, Tensor> testImages(int n) {
        Batch b = new DataLoader(FashionMnist.test(), LoaderConfig.defaults().withShuffle(false).withBatchSize(n)).epoch(0).batch(0);
        return Map.of("x", b.images());
    }

    static Tensor run(Model m, Map<String, Tensor> feeds) {
        try (Session s = Session.create(m)) {
            return s.run(feeds).values().iterator().next();
        }
    }

    private static double lastInputStep(Model int8) {
        return int8.graph().initializers().entrySet().stream().filter(e -> e.getKey().endsWith("_scale") && e.getValue().size() == 1)
                .mapToDouble(e -> e.getValue().getFloat(0)).reduce((a, b) -> b).orElse(0);
    }

    static double maxDiff(Tensor a, Tensor b) {
        double d = 0;
        for (long i = 0; i < a.size(); i++) d = Math.max(d, Math.abs(a.getFloat(i) - b.getFloat(i)));
        return d;
    }

    static double range(Tensor t) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (long i = 0; i < t.size(); i++) {
            lo = Math.min(lo, t.getFloat(i));
            hi = Math.max(hi, t.getFloat(i));
        }
        return hi - lo;
    }

    static int agreement(Tensor a, Tensor b) {
        int rows = a.shape().dim(0), classes = a.shape().dim(1), same = 0;
        for (int i = 0; i < rows; i++) if (argmax(a, i, classes) == argmax(b, i, classes)) same++;
        return same;
    }

    private static int argmax(Tensor t, int row, int classes) {
        int best = 0;
        for (int c = 1; c < classes; c++) if (t.getFloat(row * classes + c) > t.getFloat(row * classes + best)) best = c;
        return best;
    }
}
