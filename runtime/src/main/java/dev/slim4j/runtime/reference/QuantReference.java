package dev.slim4j.runtime.reference;

import dev.slim4j.ir.op.ConvInteger;
import dev.slim4j.ir.op.DequantizeLinear;
import dev.slim4j.ir.op.DynamicQuantizeLinear;
import dev.slim4j.ir.op.MatMulInteger;
import dev.slim4j.ir.op.QLinearConv;
import dev.slim4j.ir.op.QLinearMatMul;
import dev.slim4j.ir.op.QuantOp;
import dev.slim4j.ir.op.QuantizeLinear;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.ShapeException;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.tensor.quant.QuantMath;
import dev.slim4j.tensor.quant.QuantParams;
import java.util.List;

/**
 * Reference semantics of the quantization family. All rounding, saturation and scale arithmetic is
 * {@link QuantMath}'s; this class only walks the elements (the integer products are in
 * {@link IntegerConvReference} and {@link IntegerMatMulReference}).
 */
final class QuantReference {
    private QuantReference() {}

    static List<Tensor> evaluate(QuantOp op, List<Tensor> in, int outputCount) {
        return switch (op) {
            case QuantizeLinear q -> List.of(quantize(q, in.get(0), in.get(1), input(in, 2)));
            case DequantizeLinear d -> List.of(dequantize(d, in.get(0), in.get(1), input(in, 2)));
            case DynamicQuantizeLinear d -> dynamicQuantize(in.get(0));
            case QLinearConv c -> List.of(IntegerConvReference.qLinearConv(c, in));
            case ConvInteger c -> List.of(IntegerConvReference.convInteger(c, in));
            case QLinearMatMul m -> List.of(IntegerMatMulReference.qLinearMatMul(in));
            case MatMulInteger m -> List.of(IntegerMatMulReference.matMulInteger(in));
        };
    }

    /** Input {@code i}, or null when it is omitted or past the end of the list. */
    static Tensor input(List<Tensor> in, int i) { return i < in.size() ? in.get(i) : null; }

    static Tensor quantize(QuantizeLinear op, Tensor x, Tensor scale, Tensor zeroPoint) {
        DType type = zeroPoint == null ? DType.UINT8 : zeroPoint.dtype();
        if (type != DType.UINT8 && type != DType.INT8) {
            throw new ShapeException("QuantizeLinear: expected y_zero_point of type UINT8 or INT8, found " + type);
        }
        AxisIndex axis = AxisIndex.of("QuantizeLinear", x.shape(), op.effectiveAxis(), scale, zeroPoint);
        Tensor y = Tensor.allocate(type, x.shape());
        for (long i = 0; i < x.size(); i++) {
            int c = axis.channel(i);
            long zp = zeroPoint == null ? 0 : zeroPoint.getLong(c % zeroPoint.size());
            y.setLong(i, QuantMath.quantize(x.getFloat(i), scale.getFloat(c % scale.size()), zp, type));
        }
        return y;
    }

    static Tensor dequantize(DequantizeLinear op, Tensor x, Tensor scale, Tensor zeroPoint) {
        AxisIndex axis = AxisIndex.of("DequantizeLinear", x.shape(), op.effectiveAxis(), scale, zeroPoint);
        if (x.dtype() == DType.INT32 && zeroPoint != null && !allZero(zeroPoint)) {
            throw new ShapeException("DequantizeLinear: expected x_zero_point 0 for INT32 x, found " + zeroPoint);
        }
        Tensor y = Tensor.allocate(DType.FLOAT32, x.shape());
        for (long i = 0; i < x.size(); i++) {
            int c = axis.channel(i);
            long zp = zeroPoint == null ? 0 : zeroPoint.getLong(c % zeroPoint.size());
            y.setFloat(i, QuantMath.dequantize(x.getLong(i), scale.getFloat(c % scale.size()), zp));
        }
        return y;
    }

    static List<Tensor> dynamicQuantize(Tensor x) {
        float min = 0;
        float max = 0;
        for (long i = 0; i < x.size(); i++) {
            float v = x.getFloat(i);
            if (v < min) min = v;
            if (v > max) max = v;
        }
        QuantParams p = QuantMath.asymmetric(min, max, DType.UINT8);
        Tensor y = Tensor.allocate(DType.UINT8, x.shape());
        for (long i = 0; i < x.size(); i++) y.setLong(i, p.quantize(x.getFloat(i)));
        Tensor zeroPoint = Tensor.allocate(DType.UINT8, Shape.scalar());
        zeroPoint.setLong(0, p.zeroPoint());
        return List.of(y, Tensor.scalar(p.scale()), zeroPoint);
    }

    private static boolean allZero(Tensor t) {
        for (long i = 0; i < t.size(); i++) if (t.getLong(i) != 0) return false;
        return true;
    }
}
