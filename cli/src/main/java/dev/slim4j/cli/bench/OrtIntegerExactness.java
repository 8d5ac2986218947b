package dev.slim4j.cli.bench;

import dev.slim4j.ir.Model;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.op.QuantOp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether ONNX Runtime's uint8 x int8 kernels compute exact sums on this CPU, and whether a model uses integer
 * operators at all. On x86 without VNNI (AVX2, AVX-512 before VNNI) ORT multiplies with vpmaddubsw, whose 16-bit pair
 * sums saturate (255 x 127 x 2 > 32767), as its and OpenVINO's quantization guides warn; slim4j's results are exact,
 * so the two disagree on 8-bit weights there (seen: 0.9-10% of the logits on the quantized zoo models, AMD EPYC Zen 3)
 * and agree on weights of 7 bits (3e-7 on resnet20).
 */
final class OrtIntegerExactness {
    private OrtIntegerExactness() {}

    /** True off x86 and on x86 CPUs with VNNI (or when /proc/cpuinfo cannot be read). */
    static boolean exactOnThisCpu() {
        String arch = System.getProperty("os.arch", "");
        if (!arch.equals("amd64") && !arch.equals("x86_64")) return true;
        try {
            String cpu = Files.readString(Path.of("/proc/cpuinfo"));
            return cpu.contains("avx512_vnni") || cpu.contains("avx_vnni");
        } catch (IOException e) {
            return true;
        }
    }

    /** True when the model has a quantization or integer operator. */
    static boolean usesIntegerOps(Model model) {
        for (Node n : model.graph().nodes()) {
            if (n.op() instanceof QuantOp) return true;
        }
        return false;
    }
}
