package dev.slim4j.compress.quant;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.GraphVerifier;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.pass.EliminateUnusedInitializers;
import dev.slim4j.ir.pass.FoldBatchNorm;
import dev.slim4j.ir.pass.InferShapes;
import java.util.Objects;

/**
 * Post-training quantization in three steps: {@link #prepare} picks the nodes and the activations to
 * observe, {@link #calibrate} streams calibration batches through the reference runtime into observers,
 * {@link #convert} writes the quantized graph (QDQ, weight-only, half-precision or dynamic, by the
 * config's mode). The input model is never changed.
 * <pre>{@code
 * Quantizer q = new Quantizer(QuantConfig.defaults().withMethod(CalibrationMethod.entropy()));
 * Prepared p = q.prepare(model);
 * Model int8 = q.convert(p, q.calibrate(p, CalibrationData.folder(dir)));
 * }</pre>
 */
public final class Quantizer {
    private final QuantConfig config;

    public Quantizer(QuantConfig config) { this.config = Objects.requireNonNull(config, "config"); }

    public QuantConfig config() { return config; }

    /**
     * The nodes to quantize and the values calibration observes, on the model with inference BatchNorms folded
     * into the convolutions and Gemms before them (as ONNX Runtime's quantization pre-processing does), so that
     * Conv + BatchNorm + ReLU quantizes as one integer convolution.
     */
    public Prepared prepare(Model model) {
        if (config.weights() instanceof QuantSpec) QdqConverter.requirePerAxisOpset(model);
        Model folded = foldBatchNorm(model);
        return new TargetSelection(folded.graph(), config).select(folded);
    }

    private static Model foldBatchNorm(Model model) {
        Graph typed = InferShapes.forModel(model).apply(model.graph());
        Graph folded = new EliminateUnusedInitializers().apply(new FoldBatchNorm().apply(typed));
        return folded == typed ? model : model.withGraph(folded);
    }

    /** Activation ranges and scales from the calibration batches (empty for weight-only and dynamic modes). */
    public ScaleTable calibrate(Prepared prepared, CalibrationData data) {
        if (config.mode() != Mode.STATIC) return ScaleTable.empty(config.activations());
        return Calibrator.run(prepared, data);
    }

    /** The quantized model; {@code scales} must hold every observed value (from {@link #calibrate} or a {@link ScaleFile}). */
    public Model convert(Prepared prepared, ScaleTable scales) {
        Graph g = switch (config.mode()) {
            case STATIC, WEIGHT_ONLY -> new QdqConverter(prepared, scales).convert();
            case DYNAMIC -> new DynamicConverter(prepared).convert();
        };
        g = new EliminateUnusedInitializers().apply(g);
        Model m = prepared.model().withGraph(g);
        m = m.withGraph(InferShapes.forModel(m).apply(m.graph()));
        GraphVerifier.verify(m);
        return m.withMetadata("slim4j.quantization", describe(scales));
    }

    /** {@link #prepare}, {@link #calibrate} and {@link #convert} in one call. */
    public Model quantize(Model model, CalibrationData data) {
        Prepared p = prepare(model);
        return convert(p, calibrate(p, data));
    }

    private String describe(ScaleTable scales) {
        String weights = switch (config.weights()) {
            case QuantSpec s -> s.describe();
            case HalfPrecision h -> h.type().name().toLowerCase(java.util.Locale.ROOT);
        };
        return "mode=" + config.mode().name().toLowerCase(java.util.Locale.ROOT) + "; weights=" + weights
                + (config.mode() == Mode.STATIC ? "; activations=" + config.activations().describe() + "; method=" + scales.method() : "")
                + (config.weightBits().isEmpty() ? "" : "; weight bits=" + new java.util.TreeMap<>(config.weightBits()))
                + (config.excludedNodes().isEmpty() ? "" : "; excluded nodes=" + new java.util.TreeSet<>(config.excludedNodes()))
                + (config.excludedOpTypes().isEmpty() ? "" : "; excluded op types=" + new java.util.TreeSet<>(config.excludedOpTypes()));
    }
}
