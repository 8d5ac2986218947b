package dev.slim4j.compress.quant;

import dev.slim4j.ir.Dim;
import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.TensorType;
import dev.slim4j.ir.Value;
import dev.slim4j.ir.op.BatchNormalization;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.train.grad.Tape;
import dev.slim4j.train.grad.TapeOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Calibration inputs for a model and no data (ZeroQ, Cai et al. 2020; "The Knowledge Within", Haroush et
 * al. 2020): random inputs are optimized so that the batch statistics at the input of every
 * BatchNormalization match the running statistics it learned in training. The loss, summed over the
 * BatchNorm layers and averaged over their channels, is
 * {@code ((m_c - mu_c)^2 + (s_c - sigma_c)^2) / sigma_c^2} with {@code m_c, s_c} the batch mean and standard
 * deviation of channel c over batch and space and {@code mu_c, sigma_c = sqrt(var_c + eps)} the running ones;
 * its gradient with respect to the BatchNorm inputs is analytic, and the tape carries it back to the
 * model input (inference mode, so BatchNorm is the affine map of its running statistics). Adam updates
 * the inputs, optionally projected onto a box (the valid image range). The model is not changed.
 */
public final class DataFreeInputs {
    /** How many inputs and how hard to optimize them. */
    public record Settings(int images, int batchSize, int steps, double learningRate, long seed) {
        public Settings {
            if (images < 1) throw new IllegalArgumentException("data-free calibration needs at least 1 image, found " + images);
            if (batchSize < 2) throw new IllegalArgumentException("data-free batches need at least 2 images for a variance, found " + batchSize);
            if (steps < 0) throw new IllegalArgumentException("data-free steps must be >= 0, found " + steps);
            if (!(learningRate > 0)) throw new IllegalArgumentException("data-free learning rate must be > 0, found " + learningRate);
        }

        /** 256 images in batches of 32, 200 Adam steps per batch at learning rate 0.1. */
        public static Settings defaults() { return new Settings(256, 32, 200, 0.1, 1); }

        public Settings withImages(int n) { return new Settings(n, batchSize, steps, learningRate, seed); }

        public Settings withSteps(int n) { return new Settings(images, batchSize, n, learningRate, seed); }

        public Settings withBatchSize(int n) { return new Settings(images, n, steps, learningRate, seed); }
    }

    /** The synthesized batches and the BatchNorm-statistics loss averaged over them, before and after optimizing. */
    public record Result(List<Map<String, Tensor>> batches, double initialLoss, double finalLoss) {
        public Result { batches = List.copyOf(batches); }

        public CalibrationData data() { return CalibrationData.of(batches); }
    }

    /** One BatchNormalization: the value it normalizes and its running statistics. */
    private record Norm(String input, double[] mean, double[] std) {}

    private final Graph probe;
    private final Value input;
    private final List<Norm> norms = new ArrayList<>();
    private final float low;
    private final float high;

    /**
     * For {@code model} (one float input whose dimensions other than the batch are fixed, at least one
     * BatchNormalization with constant running statistics); inputs are kept within [{@code low}, {@code high}]
     * (infinite for no bound).
     */
    public DataFreeInputs(Model model, float low, float high) {
        Graph g = model.graph();
        if (g.runtimeInputs().size() != 1) {
            throw new IllegalArgumentException("data-free calibration needs a model with one input, found " + g.runtimeInputs().stream().map(Value::name).toList());
        }
        if (!(low < high)) throw new IllegalArgumentException("data-free input bounds need low < high, found [" + low + ", " + high + "]");
        this.input = g.runtimeInputs().getFirst();
        this.low = low;
        this.high = high;
        Graph.Builder b = g.toBuilder();
        b.outputs.clear();
        b.trainable.clear();
        for (Node n : g.nodes()) {
            if (!(n.op() instanceof BatchNormalization bn)) continue;
            Tensor mean = g.initializer(n.input(3)).orElse(null);
            Tensor var = g.initializer(n.input(4)).orElse(null);
            if (mean == null || var == null) continue;
            double[] std = var.doubles();
            for (int c = 0; c < std.length; c++) std[c] = Math.sqrt(std[c] + bn.epsilon());
            if (norms.stream().noneMatch(x -> x.input.equals(n.input(0)))) {
                norms.add(new Norm(n.input(0), mean.doubles(), std));
                b.output(new Value(n.input(0), g.typeOf(n.input(0)).orElse(TensorType.unranked(DType.FLOAT32))));
            }
        }
        if (norms.isEmpty()) {
            throw new IllegalArgumentException("data-free calibration matches BatchNormalization statistics, and model '" + g.name()
                    + "' has no BatchNormalization with constant running mean and variance");
        }
        this.probe = b.build();
    }

    /** The input dimensions with the batch dimension set to {@code batch}; fails when another one is not fixed. */
    private Shape shape(int batch) {
        TensorType t = input.type();
        if (!t.hasRank() || t.rank() < 1) throw new IllegalArgumentException("data-free calibration needs a ranked input, found " + t);
        long[] dims = new long[t.rank()];
        dims[0] = batch;
        for (int i = 1; i < dims.length; i++) {
            Dim d = t.dim(i);
            if (!d.isFixed()) throw new IllegalArgumentException("data-free calibration needs fixed input dimensions after the batch, found " + t);
            dims[i] = d.size();
        }
        return Shape.ofLongs(dims);
    }

    /** Synthesizes {@code settings.images()} inputs, batch by batch. */
    public Result synthesize(Settings settings) {
        List<Map<String, Tensor>> batches = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(settings.seed());
        double initial = 0, last = 0;
        for (int done = 0; done < settings.images(); done += settings.batchSize()) {
            int n = Math.max(2, Math.min(settings.batchSize(), settings.images() - done));
            Shape shape = shape(n);
            double[] x = new double[shape.intSize()];
            for (int i = 0; i < x.length; i++) x[i] = clamp(random.nextGaussian());
            initial += loss(x, shape, null);
            optimize(x, shape, settings);
            last += loss(x, shape, null);
            batches.add(Map.of(input.name(), Tensor.ofDoubles(shape, x).cast(input.type().dtype())));
        }
        return new Result(batches, initial / batches.size(), last / batches.size());
    }

    private void optimize(double[] x, Shape shape, Settings s) {
        double[] m = new double[x.length];
        double[] v = new double[x.length];
        double[] grad = new double[x.length];
        double b1 = 0.9, b2 = 0.999;
        for (int step = 1; step <= s.steps(); step++) {
            loss(x, shape, grad);
            double c1 = 1 - Math.pow(b1, step), c2 = 1 - Math.pow(b2, step);
            for (int i = 0; i < x.length; i++) {
                m[i] = b1 * m[i] + (1 - b1) * grad[i];
                v[i] = b2 * v[i] + (1 - b2) * grad[i] * grad[i];
                x[i] = clamp(x[i] - s.learningRate() * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8));
            }
        }
    }

    private double clamp(double v) { return Math.min(high, Math.max(low, v)); }

    /** The loss at {@code x}; when {@code grad} is not null, also its gradient with respect to {@code x}. */
    double loss(double[] x, Shape shape, double[] grad) {
        Tensor in = Tensor.ofDoubles(shape, x).cast(input.type().dtype());
        Tape tape = Tape.record(probe, Map.of(input.name(), in), TapeOptions.inference());
        double total = 0;
        Map<String, Tensor> seeds = new LinkedHashMap<>();
        for (Norm norm : norms) {
            Tensor a = tape.value(norm.input);
            double[] g = grad == null ? null : new double[a.shape().intSize()];
            total += statisticsLoss(a, norm, g);
            if (g != null) seeds.put(norm.input, Tensor.ofDoubles(a.shape(), g).cast(a.dtype()));
        }
        if (grad != null) {
            double[] dx = tape.backward(seeds, true).input(input.name()).doubles();
            System.arraycopy(dx, 0, grad, 0, grad.length);
        }
        return total;
    }

    /** One BatchNorm's term, and its gradient with respect to the activation {@code a} ([N, C, ...]) into {@code g}. */
    private static double statisticsLoss(Tensor a, Norm norm, double[] g) {
        int n = a.shape().dim(0), c = a.shape().dim(1);
        int size = (int) a.shape().sizeBetween(2, a.rank());
        double[] v = a.doubles();
        double count = (double) n * size;
        double loss = 0;
        for (int ch = 0; ch < c; ch++) {
            double sum = 0;
            for (int b = 0; b < n; b++) for (int i = 0; i < size; i++) sum += v[(b * c + ch) * size + i];
            double mean = sum / count;
            double sq = 0;
            for (int b = 0; b < n; b++) {
                for (int i = 0; i < size; i++) {
                    double d = v[(b * c + ch) * size + i] - mean;
                    sq += d * d;
                }
            }
            double std = Math.sqrt(sq / count + 1e-12);
            double inv = 1 / (norm.std[ch] * norm.std[ch] * c);
            double dm = mean - norm.mean[ch], ds = std - norm.std[ch];
            loss += (dm * dm + ds * ds) * inv;
            if (g == null) continue;
            for (int b = 0; b < n; b++) {
                for (int i = 0; i < size; i++) {
                    int at = (b * c + ch) * size + i;
                    g[at] = 2 * inv * (dm / count + ds * (v[at] - mean) / (count * std));
                }
            }
        }
        return loss;
    }
}
