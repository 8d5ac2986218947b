package dev.slim4j.cli.quantize;

import dev.slim4j.cli.bench.JitActivity;
import dev.slim4j.ir.Dim;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.TensorType;
import dev.slim4j.ir.Value;
import dev.slim4j.runtime.Session;
import dev.slim4j.runtime.SessionOptions;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Whether the quantized model is faster than the float one in slim4j's runtime: both run on the same
 * random batch, one thread, alternating, after a warm-up long enough for the JIT to compile the kernels
 * (Vector API code is many times slower until it does: 3 rounds gave 8x wrong ratios on the MLPs); the
 * medians are compared. Quantization that makes a model slower is worth knowing about before it ships.
 */
record LatencyCheck(int batch, int rounds, double floatMs, double quantizedMs) {
    static final int WARMUP = 3;
    static final long WARMUP_NANOS = 3_000_000_000L;
    /** After the warm-up seconds, on until the JIT has compiled nothing for this long (at most MAX_WARMUP_NANOS). */
    static final long JIT_QUIET_NANOS = 1_000_000_000L;
    static final long MAX_WARMUP_NANOS = 60_000_000_000L;
    static final int ROUNDS = 9;
    static final long MEASURE_NANOS = 1_000_000_000L;
    static final int MAX_ROUNDS = 500;

    double ratio() { return quantizedMs / floatMs; }

    boolean slower() { return quantizedMs >= floatMs; }

    /** Empty when the model's input is not one float tensor of known shape apart from the batch. */
    static Optional<LatencyCheck> measure(Model fp32, Model quantized, int batch) {
        List<Value> inputs = fp32.graph().runtimeInputs();
        if (inputs.size() != 1) return Optional.empty();
        Value in = inputs.getFirst();
        TensorType t = in.type();
        if (t.dtype() != DType.FLOAT32 || t.dims().isEmpty() || t.dims().get().isEmpty()) return Optional.empty();
        List<Dim> dims = t.dims().get();
        int[] shape = new int[dims.size()];
        shape[0] = batch;
        for (int i = 1; i < shape.length; i++) {
            if (!dims.get(i).isFixed()) return Optional.empty();
            shape[i] = Math.toIntExact(dims.get(i).size());
        }
        Shape s = Shape.of(shape);
        float[] v = new float[s.intSize()];
        Random r = new Random(0);
        for (int i = 0; i < v.length; i++) v[i] = (float) r.nextGaussian();
        Map<String, Tensor> feeds = Map.of(in.name(), Tensor.ofFloats(s, v));
        try (Session f = Session.create(fp32, SessionOptions.defaults());
             Session q = Session.create(quantized, SessionOptions.defaults())) {
            long start = System.nanoTime();
            JitActivity jit = new JitActivity();
            for (int i = 0; i < WARMUP || System.nanoTime() - start < WARMUP_NANOS
                    || (!jit.idleFor(JIT_QUIET_NANOS) && System.nanoTime() - start < MAX_WARMUP_NANOS); i++) {
                f.run(feeds);
                q.run(feeds);
            }
            List<Double> ft = new ArrayList<>();
            List<Double> qt = new ArrayList<>();
            start = System.nanoTime();
            for (int i = 0; i < MAX_ROUNDS && (i < ROUNDS || System.nanoTime() - start < MEASURE_NANOS); i++) {
                ft.add(time(f, feeds));
                qt.add(time(q, feeds));
            }
            return Optional.of(new LatencyCheck(batch, ft.size(), median(ft), median(qt)));
        }
    }

    private static double time(Session s, Map<String, Tensor> feeds) {
        long t0 = System.nanoTime();
        s.run(feeds);
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a[a.length / 2];
    }
}
