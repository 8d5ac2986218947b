package dev.slim4j.ir.pass;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.op.Activation;
import dev.slim4j.ir.op.Clip;
import dev.slim4j.ir.op.Conv;
import dev.slim4j.ir.op.FusedConv;
import dev.slim4j.ir.op.FusedGemm;
import dev.slim4j.ir.op.Gemm;
import dev.slim4j.ir.op.HardSigmoid;
import dev.slim4j.ir.op.LeakyRelu;
import dev.slim4j.ir.op.Op;
import dev.slim4j.ir.op.Unary;
import dev.slim4j.ir.rewrite.GraphIndex;
import dev.slim4j.ir.rewrite.Match;
import dev.slim4j.ir.rewrite.Pattern;
import dev.slim4j.ir.rewrite.Rewrite;
import dev.slim4j.ir.rewrite.Rule;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Tensor;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Folds an activation (Relu, Clip with constant bounds, LeakyRelu, HardSigmoid, HardSwish, Sigmoid,
 * Tanh) into the float32 Conv, FusedConv or Gemm producing its input: {@code act(conv(x))} becomes
 * {@code FusedConv(x) {activation}}, keeping the activation's output name and the producer's node
 * name. Only where the producer's output is read by the activation alone and is no graph output, and
 * a fused producer has no activation yet.
 */
public final class FuseActivation implements Pass {
    private final ApplyRewrites rewrites;

    /** Fuses every activation slim4j's FusedConv / FusedGemm support. */
    public FuseActivation() { this(a -> true); }

    /** Fuses only activations that pass {@code fusible}. */
    public FuseActivation(Predicate<Activation> fusible) {
        this.rewrites = new ApplyRewrites(name(), List.of(
                new Rule("activation into Conv", producedBy("conv", FuseActivation::isConv), (m, g) -> intoConv(m, g, fusible)),
                new Rule("activation into Gemm", producedBy("gemm", FuseActivation::isGemm), (m, g) -> intoGemm(m, g, fusible))));
    }

    /** The activations ONNX Runtime's FusedConv / FusedGemm accept (all but HardSwish). */
    public static FuseActivation onnxRuntimeCompatible() { return new FuseActivation(a -> !(a instanceof Activation.HardSwish)); }

    @Override public Graph apply(Graph graph) { return rewrites.apply(graph); }

    private static Pattern producedBy(String label, Predicate<Op> producer) {
        return Pattern.op("act", FuseActivation::isActivationOp)
                .input(0, Pattern.op(label, producer).singleUse().where(FuseActivation::float32Output));
    }

    private static boolean isConv(Op op) {
        return op instanceof Conv || op instanceof FusedConv f && f.activation() instanceof Activation.None;
    }

    private static boolean isGemm(Op op) {
        return op instanceof Gemm || op instanceof FusedGemm f && f.activation() instanceof Activation.None;
    }

    private static Optional<Rewrite> intoConv(Match m, GraphIndex g, Predicate<Activation> fusible) {
        Node conv = m.node("conv");
        Conv op = conv.op() instanceof FusedConv f ? f.conv() : (Conv) conv.op();
        return activation(m.root(), g).filter(fusible).flatMap(a -> Rewrite.of(
                new Node(conv.name(), new FusedConv(op, a), conv.inputs(), m.root().outputs().subList(0, 1))));
    }

    private static Optional<Rewrite> intoGemm(Match m, GraphIndex g, Predicate<Activation> fusible) {
        Node gemm = m.node("gemm");
        Gemm op = gemm.op() instanceof FusedGemm f ? f.gemm() : (Gemm) gemm.op();
        return activation(m.root(), g).filter(fusible).flatMap(a -> Rewrite.of(
                new Node(gemm.name(), new FusedGemm(op, a), gemm.inputs(), m.root().outputs().subList(0, 1))));
    }

    static boolean float32Output(Node n, GraphIndex g) {
        return g.type(n.output(0)).map(t -> t.dtype() == DType.FLOAT32).orElse(false);
    }

    private static boolean isActivationOp(Op op) {
        return switch (op) {
            case Unary u -> switch (u.function()) {
                case RELU, SIGMOID, TANH, HARD_SWISH -> true;
                default -> false;
            };
            case Clip c -> true;
            case LeakyRelu l -> true;
            case HardSigmoid h -> true;
            default -> false;
        };
    }

    /** The activation a node computes, or empty (a Clip whose bounds are not constant scalars). */
    static Optional<Activation> activation(Node n, GraphIndex g) {
        return switch (n.op()) {
            case Unary u -> switch (u.function()) {
                case RELU -> Optional.of(new Activation.Relu());
                case SIGMOID -> Optional.of(new Activation.Sigmoid());
                case TANH -> Optional.of(new Activation.Tanh());
                case HARD_SWISH -> Optional.of(new Activation.HardSwish());
                default -> Optional.empty();
            };
            case LeakyRelu l -> Optional.of(new Activation.LeakyRelu(l.alpha()));
            case HardSigmoid h -> Optional.of(new Activation.HardSigmoid(h.alpha(), h.beta()));
            case Clip c -> clip(n, c, g);
            default -> Optional.empty();
        };
    }

    private static Optional<Activation> clip(Node n, Clip c, GraphIndex g) {
        Optional<Float> lo = c.min().isPresent() ? c.min() : bound(n.input(1), g, -Float.MAX_VALUE);
        Optional<Float> hi = c.max().isPresent() ? c.max() : bound(n.input(2), g, Float.MAX_VALUE);
        if (lo.isEmpty() || hi.isEmpty()) return Optional.empty();
        return Optional.of(new Activation.Clip(lo.get(), hi.get()));
    }

    private static Optional<Float> bound(String input, GraphIndex g, float absent) {
        if (input.isEmpty()) return Optional.of(absent);
        return g.constant(input).filter(t -> t.size() == 1).map(FuseActivation::scalar);
    }

    private static float scalar(Tensor t) { return (float) t.getDouble(0); }
}
