package dev.slim4j.compress.prune;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.Value;
import dev.slim4j.onnx.OnnxReader;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;

/**
 * Loads a torchvision graph written by {@code scripts/export-torchvision-skeletons} (weights are graph
 * inputs) and fills every weight input with seeded random values: He-normal convolution and Gemm
 * weights (so activations stay finite through the depth), small biases, BatchNorm scales and
 * variances in [0.5, 1.5), small means and shifts. The result has initializers and one input, "images".
 */
final class TorchvisionSkeletons {
    static final String INPUT = "images";

    private TorchvisionSkeletons() {}

    static Model load(String name, long seed) {
        Model m;
        try (InputStream in = TorchvisionSkeletons.class.getResourceAsStream("/torchvision/" + name + ".onnx")) {
            if (in == null) throw new IllegalStateException("no fixture torchvision/" + name + ".onnx");
            m = OnnxReader.read(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Random random = new Random(seed);
        Graph g = m.graph();
        Graph.Builder b = g.toBuilder();
        b.inputs.clear();
        for (Value v : g.inputs()) {
            if (v.name().equals(INPUT)) {
                b.inputs.add(v);
                continue;
            }
            b.initializers.put(v.name(), fill(g, v, random));
            b.trainable.add(v.name());
        }
        return m.withGraph(b.build());
    }

    private static Tensor fill(Graph g, Value v, Random random) {
        Shape shape = v.type().shape();
        float[] values = new float[shape.intSize()];
        Node reader = g.consumers(v.name()).getFirst();
        int input = reader.inputs().indexOf(v.name());
        String op = reader.op().opType();
        for (int i = 0; i < values.length; i++) values[i] = value(op, input, shape, random);
        return Tensor.ofFloats(shape, values);
    }

    private static float value(String op, int input, Shape shape, Random random) {
        if ((op.equals("Conv") || op.equals("Gemm")) && input == 1) {
            double fanIn = (double) shape.size() / shape.dim(0);
            double gain = op.equals("Conv") ? 2.0 : 1.0;
            return (float) (random.nextGaussian() * Math.sqrt(gain / fanIn));
        }
        if (op.equals("BatchNormalization") && (input == 1 || input == 4)) return 0.5f + random.nextFloat();
        return (float) (random.nextGaussian() * (op.equals("BatchNormalization") ? 0.1 : 0.01));
    }

    static Tensor image(long seed) { return images(1, seed); }

    static Tensor images(int batch, long seed) {
        Random r = new Random(seed);
        float[] v = new float[batch * 3 * 224 * 224];
        for (int i = 0; i < v.length; i++) v[i] = (float) r.nextGaussian();
        return Tensor.ofFloats(Shape.of(batch, 3, 224, 224), v);
    }
}
