package dev.slim4j.integration;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs ONNX bytes in ONNX Runtime Java (float32 inputs and outputs) and converts the results to slim4j tensors. */
final class OrtPeer {
    private OrtPeer() {}

    /** Op types (with counts) of the graph ONNX Runtime runs after its optimizations, saved to {@code file}. */
    static Map<String, Long> optimizedOpTypes(byte[] model, java.nio.file.Path file) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setOptimizedModelFilePath(file.toString());
            try (OrtSession session = env.createSession(model, opts)) {
                // created only to write the optimized graph
            }
        }
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (var n : dev.slim4j.onnx.OnnxReader.read(file).graph().nodes()) counts.merge(n.op().opType(), 1L, Long::sum);
        return counts;
    }

    /**
     * True when ONNX Runtime's uint8 x int8 integer kernels (QLinearConv, QGemm, MatMulInteger) compute exact sums on
     * this CPU. On x86 without VNNI (AVX2, or AVX-512 before VNNI) they multiply with vpmaddubsw, whose 16-bit pair
     * sums saturate (255 x 127 x 2 > 32767), as ONNX Runtime's and OpenVINO's quantization guides warn; there its
     * results differ from the exact sums slim4j computes (seen: 12% of the logit range on an AVX2-only EPYC).
     */
    static boolean exactUint8Int8Kernels() {
        String arch = System.getProperty("os.arch", "");
        if (!arch.equals("amd64") && !arch.equals("x86_64")) return true;
        try {
            String cpu = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/cpuinfo"));
            return cpu.contains("avx512_vnni") || cpu.contains("avx_vnni");
        } catch (java.io.IOException e) {
            return true;
        }
    }

    static Map<String, Tensor> run(byte[] model, Map<String, Tensor> feeds) throws OrtException {
        return run(model, feeds, true);
    }

    /** As {@link #run(byte[], Map)}; without {@code optimize}, ONNX Runtime runs every node as written (no fusions). */
    static Map<String, Tensor> run(byte[] model, Map<String, Tensor> feeds, boolean optimize) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setIntraOpNumThreads(1);
            if (!optimize) opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
            try (OrtSession session = env.createSession(model, opts)) {
                Map<String, OnnxTensor> inputs = new HashMap<>();
                try {
                    for (var e : feeds.entrySet()) {
                        Tensor t = e.getValue();
                        if (t.dtype() != DType.FLOAT32) throw new IllegalArgumentException("float32 inputs only");
                        inputs.put(e.getKey(), OnnxTensor.createTensor(env, FloatBuffer.wrap(t.floats()),
                                t.shape().toLongArray()));
                    }
                    Map<String, Tensor> out = new LinkedHashMap<>();
                    try (OrtSession.Result r = session.run(inputs)) {
                        for (var e : r) {
                            OnnxTensor t = (OnnxTensor) e.getValue();
                            FloatBuffer fb = t.getFloatBuffer();
                            float[] data = new float[fb.remaining()];
                            fb.get(data);
                            out.put(e.getKey(), Tensor.ofFloats(Shape.ofLongs(t.getInfo().getShape()), data));
                        }
                    }
                    return out;
                } finally {
                    for (OnnxTensor t : inputs.values()) t.close();
                }
            }
        }
    }
}
