package dev.slim4j.cli.bench;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ONNX Runtime (CPU) on the same file: intra-op threads = the bench's threads, inter-op 1, all
 * graph optimizations, sequential execution. Inputs are copied to native tensors once, outside the
 * timed runs. Supports float32, float64, int32 and int64 inputs and outputs.
 */
final class OrtTarget implements InferenceTarget {
    private final OrtSession session;
    private final Map<String, OnnxTensor> inputs;
    private final double loadMillis;

    private OrtTarget(OrtSession session, Map<String, OnnxTensor> inputs, double loadMillis) {
        this.session = session;
        this.inputs = inputs;
        this.loadMillis = loadMillis;
    }

    static OrtTarget open(Path file, int threads, Map<String, Tensor> feeds) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        long start = System.nanoTime();
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setIntraOpNumThreads(threads);
            opts.setInterOpNumThreads(1);
            // ORT's intra-op threads spin after each run by default; alternating runs, they would take the cores
            // slim4j's own workers need during slim4j's turn and make its multi-threaded times meaningless
            opts.addConfigEntry("session.intra_op.allow_spinning", "0");
            opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            opts.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            OrtSession session = env.createSession(file.toString(), opts);
            double load = (System.nanoTime() - start) / 1e6;
            Map<String, OnnxTensor> inputs = new LinkedHashMap<>();
            try {
                for (var e : feeds.entrySet()) inputs.put(e.getKey(), toOrt(env, e.getKey(), e.getValue()));
            } catch (RuntimeException | OrtException ex) {
                inputs.values().forEach(OnnxTensor::close);
                session.close();
                throw ex;
            }
            return new OrtTarget(session, inputs, load);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load " + file + ": " + e.getMessage(), e);
        }
    }

    private static OnnxTensor toOrt(OrtEnvironment env, String name, Tensor t) throws OrtException {
        long[] shape = t.shape().toLongArray();
        return switch (t.dtype()) {
            case FLOAT32 -> OnnxTensor.createTensor(env, FloatBuffer.wrap(t.floats()), shape);
            case FLOAT64 -> OnnxTensor.createTensor(env, DoubleBuffer.wrap(t.doubles()), shape);
            case INT64 -> OnnxTensor.createTensor(env, LongBuffer.wrap(t.longs()), shape);
            case INT32 -> OnnxTensor.createTensor(env, IntBuffer.wrap(t.ints()), shape);
            default -> throw new UnsupportedOperationException("input '" + name + "' is " + t.dtype()
                    + "; the ORT comparison supports float32, float64, int32 and int64 inputs");
        };
    }

    @Override public String name() { return "ort"; }

    @Override public double loadMillis() { return loadMillis; }

    @Override public void runOnce() {
        try (OrtSession.Result r = session.run(inputs)) {
            if (r.size() == 0) throw new IllegalStateException("ONNX Runtime returned no outputs");
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        }
    }

    @Override public Map<String, Tensor> outputs() {
        try (OrtSession.Result r = session.run(inputs)) {
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (Map.Entry<String, OnnxValue> e : r) out.put(e.getKey(), toSlim4j(e.getKey(), e.getValue()));
            return out;
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        }
    }

    private static Tensor toSlim4j(String name, OnnxValue value) {
        if (!(value instanceof OnnxTensor t)) {
            throw new UnsupportedOperationException("output '" + name + "' is not a tensor; it cannot be compared");
        }
        Shape shape = Shape.ofLongs(t.getInfo().getShape());
        OnnxJavaType type = t.getInfo().type;
        return switch (type) {
            case FLOAT -> Tensor.ofFloats(shape, copy(t.getFloatBuffer()));
            case DOUBLE -> Tensor.ofDoubles(shape, copy(t.getDoubleBuffer()));
            case INT64 -> Tensor.ofLongs(shape, copy(t.getLongBuffer()));
            case INT32 -> Tensor.ofInts(shape, copy(t.getIntBuffer()));
            default -> throw new UnsupportedOperationException("output '" + name + "' is " + type
                    + "; the ORT comparison supports float32, float64, int32 and int64 outputs");
        };
    }

    private static float[] copy(FloatBuffer b) { float[] a = new float[b.remaining()]; b.get(a); return a; }

    private static double[] copy(DoubleBuffer b) { double[] a = new double[b.remaining()]; b.get(a); return a; }

    private static long[] copy(LongBuffer b) { long[] a = new long[b.remaining()]; b.get(a); return a; }

    private static int[] copy(IntBuffer b) { int[] a = new int[b.remaining()]; b.get(a); return a; }

    @Override public void close() {
        inputs.values().forEach(OnnxTensor::close);
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("could not close the ONNX Runtime session: " + e.getMessage(), e);
        }
    }
}
