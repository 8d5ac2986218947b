package dev.slim4j.cli.quantize;

import dev.slim4j.cli.UsageException;
import dev.slim4j.compress.quant.CalibrationMethod;
import dev.slim4j.compress.quant.Granularity;
import dev.slim4j.compress.quant.HalfPrecision;
import dev.slim4j.compress.quant.Mode;
import dev.slim4j.compress.quant.QuantConfig;
import dev.slim4j.compress.quant.QuantSpec;
import dev.slim4j.compress.quant.Symmetry;
import dev.slim4j.compress.quant.WeightFormat;
import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Node;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Maps the command's option values onto a {@link QuantConfig}, rejecting nonsense with the option's name. */
record QuantizeOptions(String modeName, String weightsName, String methodName, double percentile, boolean perChannel, boolean symmetric,
                       long bits, List<String> exclude) {
    QuantConfig config(Graph graph) {
        try {
            Mode m = resolvedMode();
            QuantSpec activations = QuantSpec.uint8Activations();
            if (symmetric) activations = activations.withSigned(true).withSymmetry(Symmetry.SYMMETRIC);
            if (m == Mode.STATIC) activations = activations.withBits(Math.toIntExact(bits));
            QuantConfig c = QuantConfig.defaults().withMode(m).withActivations(activations).withWeights(weightFormat())
                    .withMethod(calibration());
            return excluded(c, graph);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new UsageException(e.getMessage());
        }
    }

    Mode resolvedMode() {
        if (!weightsName.equals("int")) return Mode.WEIGHT_ONLY;
        return switch (modeName) {
            case "static" -> Mode.STATIC;
            case "weight-only" -> Mode.WEIGHT_ONLY;
            case "dynamic" -> Mode.DYNAMIC;
            default -> throw new UsageException("--mode expects static, weight-only or dynamic, found '" + modeName + "'");
        };
    }

    private WeightFormat weightFormat() {
        return switch (weightsName) {
            case "int" -> QuantSpec.int8Weights().withBits(Math.toIntExact(bits))
                    .withGranularity(perChannel ? Granularity.perOutputChannel() : Granularity.perTensor());
            case "fp16" -> HalfPrecision.float16();
            case "bf16" -> HalfPrecision.bfloat16();
            default -> throw new UsageException("--weights expects int, fp16 or bf16, found '" + weightsName + "'");
        };
    }

    private CalibrationMethod calibration() {
        CalibrationMethod c = CalibrationMethod.parse(methodName);
        return c instanceof CalibrationMethod.Percentile ? CalibrationMethod.percentile(percentile) : c;
    }

    /** Each --exclude entry is a node name or an op type of the graph. */
    private QuantConfig excluded(QuantConfig c, Graph graph) {
        Set<String> nodes = new LinkedHashSet<>();
        Set<String> types = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        Set<String> opTypes = new LinkedHashSet<>();
        for (Node n : graph.nodes()) {
            names.add(n.name());
            opTypes.add(n.op().opType());
        }
        for (String e : exclude) {
            for (String item : e.split(",")) {
                String x = item.trim();
                if (x.isEmpty()) continue;
                if (names.contains(x)) nodes.add(x);
                else if (opTypes.contains(x)) types.add(x);
                else throw new UsageException("--exclude: no node or op type '" + x + "' in the model; nodes: " + names);
            }
        }
        return c.withExcluded(nodes, types);
    }
}
