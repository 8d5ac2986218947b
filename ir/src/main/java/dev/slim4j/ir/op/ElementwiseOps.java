package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.tensor.DType;

/** Importers for the elementwise family. */
final class ElementwiseOps {
    private ElementwiseOps() {}

    static void register(OpTable t) {
        for (UnaryFunction f : UnaryFunction.values()) t.register(f.onnxName(), 1, (a, opset) -> new Unary(f));
        for (BinaryFunction f : BinaryFunction.values()) t.register(f.onnxName(), 1, (a, opset) -> binary(f, a, opset));
        for (VariadicFunction f : VariadicFunction.values()) {
            t.register(f.onnxName(), 1, (a, opset) -> new Variadic(f));
        }
        for (SoftmaxFunction f : SoftmaxFunction.values()) {
            t.register(f.onnxName(), 1, (a, opset) -> Softmax.fromOnnx(f, a, opset));
        }
        for (ReduceFunction f : ReduceFunction.values()) {
            t.register(f.onnxName(), 1, (a, opset) -> Reduce.fromOnnx(f, a, opset));
        }
        registerActivations(t);
        t.register("Clip", 1, (a, opset) -> new Clip(a.optFloat("min"), a.optFloat("max")));
        t.register("Clip", 11, (a, opset) -> Clip.withInputBounds());
        t.register("Where", 9, (a, opset) -> new Where());
        t.register("Mod", 10, (a, opset) -> new Mod(a.getInt("fmod", 0) != 0));
        t.register("IsInf", 10, (a, opset) -> new IsInf(a.getInt("detect_negative", 1) != 0,
                a.getInt("detect_positive", 1) != 0));
        t.register("Cast", 6, (a, opset) -> new Cast(DType.fromOnnx((int) a.requireInt("to"))));
        t.register("CastLike", 15, (a, opset) -> new CastLike());
        t.register("ArgMax", 1, (a, opset) -> ArgReduce.fromOnnx(true, a));
        t.register("ArgMin", 1, (a, opset) -> ArgReduce.fromOnnx(false, a));
    }

    private static void registerActivations(OpTable t) {
        t.register("LeakyRelu", 1, (a, opset) -> new LeakyRelu(alpha(a, LeakyRelu.DEFAULT_ALPHA)));
        t.register("Elu", 1, (a, opset) -> new Elu(alpha(a, Elu.DEFAULT_ALPHA)));
        t.register("Celu", 12, (a, opset) -> new Celu(alpha(a, Celu.DEFAULT_ALPHA)));
        t.register("ThresholdedRelu", 10, (a, opset) -> new ThresholdedRelu(alpha(a, ThresholdedRelu.DEFAULT_ALPHA)));
        t.register("Selu", 1, (a, opset) -> new Selu(alpha(a, Selu.DEFAULT_ALPHA), a.getFloat("gamma", Selu.DEFAULT_GAMMA)));
        t.register("HardSigmoid", 1, (a, opset) -> new HardSigmoid(alpha(a, HardSigmoid.DEFAULT_ALPHA),
                a.getFloat("beta", HardSigmoid.DEFAULT_BETA)));
    }

    /**
     * Before opset 7, binary ops broadcast by a {@code broadcast}/{@code axis} attribute pair and PRelu
     * applied a 1-D slope along the channel axis; slim4j does not model those legacy forms, so they stay
     * opaque (kept for writing back, refused by the runtime) rather than run with numpy semantics.
     */
    private static Op binary(BinaryFunction f, Attributes a, long opset) {
        boolean legacy = a.has("broadcast") || a.has("axis") || (f == BinaryFunction.PRELU && opset < 7);
        return legacy ? new OpaqueOp("", f.onnxName(), a) : new Binary(f);
    }

    private static float alpha(Attributes a, float defaultValue) { return a.getFloat("alpha", defaultValue); }
}
