package dev.slim4j.runtime.reference;

import dev.slim4j.ir.op.ElementwiseOp;
import dev.slim4j.ir.op.Unary;
import dev.slim4j.tensor.Tensor;
import java.util.List;

/** Reference semantics of the elementwise family. */
final class ElementwiseReference {
    private ElementwiseReference() {}

    static List<Tensor> evaluate(ElementwiseOp op, List<Tensor> in, int outputCount) {
        return switch (op) {
            case Unary u -> List.of(unary(u, in.get(0)));
        };
    }

    private static Tensor unary(Unary u, Tensor x) {
        Tensor y = Tensor.allocate(x.dtype(), x.shape());
        for (long i = 0; i < x.size(); i++) {
            double v = x.getDouble(i);
            y.setDouble(i, switch (u.function()) {
                case RELU -> Math.max(v, 0);
                case NEG -> -v;
                case ABS -> Math.abs(v);
            });
        }
        return y;
    }
}
