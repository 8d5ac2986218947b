package dev.slim4j.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.compress.prune.ChannelPruner;
import dev.slim4j.compress.prune.ChannelRanking;
import dev.slim4j.compress.prune.DependencyGraph;
import dev.slim4j.compress.prune.Importance;
import dev.slim4j.compress.prune.PruningConfig;
import dev.slim4j.compress.prune.Scope;
import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.Value;
import dev.slim4j.ir.metrics.ModelMetrics;
import dev.slim4j.onnx.OnnxReader;
import dev.slim4j.onnx.OnnxWriter;
import dev.slim4j.runtime.Session;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Channel-pruned torchvision graphs (the compress module's weightless fixtures, filled here with
 * seeded random weights) written as ONNX load in ONNX Runtime Java and agree with slim4j's outputs.
 */
class PrunedOrtAgreementTest {
    private static final Path FIXTURES = Path.of("..", "compress", "src", "test", "resources", "torchvision");

    @ParameterizedTest
    @CsvSource({"resnet18, l1, PER_GROUP", "mobilenet_v2, l2, GLOBAL", "squeezenet1_1, fpgm, PER_GROUP",
            "shufflenet_v2_x1_0, slimming, GLOBAL"})
    void prunedModelAgreesWithOnnxRuntime(String name, String criterion, Scope scope) throws Exception {
        Model model = withRandomWeights(OnnxReader.read(FIXTURES.resolve(name + ".onnx")), new Random(21));
        Importance importance = switch (criterion) {
            case "l1" -> Importance.l1();
            case "l2" -> Importance.l2();
            case "fpgm" -> Importance.fpgm();
            default -> Importance.normScale();
        };
        DependencyGraph g = DependencyGraph.of(model);
        Model pruned = ChannelPruner.apply(g, ChannelRanking.plan(g,
                PruningConfig.defaults().withImportance(importance).withScope(scope).withRatio(0.3)));
        assertTrue(ModelMetrics.measure(pruned).params() < ModelMetrics.measure(model).params());
        byte[] bytes = OnnxWriter.toBytes(pruned);
        Map<String, Tensor> feeds = Map.of("images", image(new Random(8)));
        Tensor expected = OrtPeer.run(bytes, feeds).get("logits");
        Tensor actual;
        try (Session s = Session.create(OnnxReader.read(bytes))) {
            actual = s.run(feeds).get("logits");
        }
        assertEquals(Shape.of(1, 1000), actual.shape());
        assertEquals(expected.shape(), actual.shape());
        float[] e = expected.floats();
        float[] a = actual.floats();
        double scale = 0;
        for (float v : e) scale = Math.max(scale, Math.abs(v));
        assertTrue(scale > 0);
        for (int i = 0; i < e.length; i++) {
            assertTrue(Math.abs(e[i] - a[i]) <= 1e-4 * scale, name + " logit " + i + ": onnxruntime " + e[i] + ", slim4j " + a[i]);
        }
    }

    /** Every weight input of the fixture becomes an initializer: He-normal Conv/Gemm weights, BN scales and variances in [0.5, 1.5). */
    private static Model withRandomWeights(Model m, Random random) {
        Graph g = m.graph();
        Graph.Builder b = g.toBuilder();
        b.inputs.clear();
        for (Value v : g.inputs()) {
            if (v.name().equals("images")) {
                b.inputs.add(v);
                continue;
            }
            Node reader = g.consumers(v.name()).getFirst();
            int input = reader.inputs().indexOf(v.name());
            String op = reader.op().opType();
            Shape shape = v.type().shape();
            float[] w = new float[shape.intSize()];
            double fanIn = (double) shape.size() / shape.dim(0);
            for (int i = 0; i < w.length; i++) {
                boolean weight = input == 1 && (op.equals("Conv") || op.equals("Gemm"));
                boolean positive = op.equals("BatchNormalization") && (input == 1 || input == 4);
                w[i] = weight ? (float) (random.nextGaussian() * Math.sqrt(2 / fanIn))
                        : positive ? 0.5f + random.nextFloat() : (float) (random.nextGaussian() * 0.05);
            }
            b.initializers.put(v.name(), Tensor.ofFloats(shape, w));
        }
        return m.withGraph(b.build());
    }

    private static Tensor image(Random random) {
        float[] v = new float[3 * 224 * 224];
        for (int i = 0; i < v.length; i++) v[i] = (float) random.nextGaussian();
        return Tensor.ofFloats(Shape.of(1, 3, 224, 224), v);
    }
}
