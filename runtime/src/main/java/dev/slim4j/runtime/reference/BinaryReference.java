package dev.slim4j.runtime.reference;

import dev.slim4j.ir.op.BinaryFunction;
import dev.slim4j.ir.op.Broadcast;
import dev.slim4j.ir.op.VariadicFunction;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Reference semantics of the broadcasting elementwise ops: binary functions, Mod, the variadic
 * functions and Where. Integer division truncates toward zero, as in C and ONNX Runtime.
 */
final class BinaryReference {
    private BinaryReference() {}

    static Tensor binary(BinaryFunction f, Tensor a, Tensor b) {
        Shape shape = Broadcast.shape(a.shape(), b.shape());
        long[] ia = BroadcastIndex.of(a.shape(), shape);
        long[] ib = BroadcastIndex.of(b.shape(), shape);
        Tensor c = Tensor.allocate(f.outputType(a.dtype()), shape);
        DType t = a.dtype();
        boolean floating = t.isFloatingPoint() || (f == BinaryFunction.POW && b.dtype().isFloatingPoint());
        for (int i = 0; i < ia.length; i++) {
            if (floating) c.setDouble(i, onDouble(f, a.getDouble(ia[i]), b.getDouble(ib[i])));
            else c.setLong(i, onLong(f, a.getLong(ia[i]), b.getLong(ib[i]), t == DType.UINT64));
        }
        return c;
    }

    private static double onDouble(BinaryFunction f, double x, double y) {
        return switch (f) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case POW -> Math.pow(x, y);
            case PRELU -> x < 0 ? y * x : x;
            case EQUAL -> x == y ? 1 : 0;
            case LESS -> x < y ? 1 : 0;
            case GREATER -> x > y ? 1 : 0;
            case LESS_OR_EQUAL -> x <= y ? 1 : 0;
            case GREATER_OR_EQUAL -> x >= y ? 1 : 0;
            case AND -> (x != 0 && y != 0) ? 1 : 0;
            case OR -> (x != 0 || y != 0) ? 1 : 0;
            case XOR -> ((x != 0) != (y != 0)) ? 1 : 0;
        };
    }

    private static long onLong(BinaryFunction f, long x, long y, boolean unsigned) {
        int cmp = unsigned ? Long.compareUnsigned(x, y) : Long.compare(x, y);
        return switch (f) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> divide(x, y, unsigned);
            case POW -> power(x, y);
            case PRELU -> x < 0 ? y * x : x;
            case EQUAL -> cmp == 0 ? 1 : 0;
            case LESS -> cmp < 0 ? 1 : 0;
            case GREATER -> cmp > 0 ? 1 : 0;
            case LESS_OR_EQUAL -> cmp <= 0 ? 1 : 0;
            case GREATER_OR_EQUAL -> cmp >= 0 ? 1 : 0;
            case AND -> (x != 0 && y != 0) ? 1 : 0;
            case OR -> (x != 0 || y != 0) ? 1 : 0;
            case XOR -> ((x != 0) != (y != 0)) ? 1 : 0;
        };
    }

    private static long divide(long x, long y, boolean unsigned) {
        if (y == 0) throw new ArithmeticException("integer division by zero: " + x + " / 0");
        return unsigned ? Long.divideUnsigned(x, y) : x / y;
    }

    /** x^y for integers: exact by repeated squaring (wrapping) for y >= 0, through double otherwise. */
    private static long power(long x, long y) {
        if (y < 0) return (long) Math.pow(x, y);
        long result = 1;
        long base = x;
        for (long e = y; e > 0; e >>= 1) {
            if ((e & 1) != 0) result *= base;
            base *= base;
        }
        return result;
    }

    static Tensor mod(boolean fmod, Tensor a, Tensor b) {
        Shape shape = Broadcast.shape(a.shape(), b.shape());
        long[] ia = BroadcastIndex.of(a.shape(), shape);
        long[] ib = BroadcastIndex.of(b.shape(), shape);
        Tensor c = Tensor.allocate(a.dtype(), shape);
        boolean unsigned = a.dtype() == DType.UINT64;
        for (int i = 0; i < ia.length; i++) {
            if (a.dtype().isFloatingPoint()) {
                double x = a.getDouble(ia[i]);
                double y = b.getDouble(ib[i]);
                double r = x % y;
                c.setDouble(i, !fmod && r != 0 && (r < 0) != (y < 0) ? r + y : r);
            } else {
                long x = a.getLong(ia[i]);
                long y = b.getLong(ib[i]);
                if (y == 0) throw new ArithmeticException("integer modulo by zero: " + x + " % 0");
                c.setLong(i, unsigned ? Long.remainderUnsigned(x, y) : fmod ? x % y : Math.floorMod(x, y));
            }
        }
        return c;
    }

    static Tensor variadic(VariadicFunction f, List<Tensor> in) {
        List<Shape> shapes = new ArrayList<>();
        for (Tensor t : in) shapes.add(t.shape());
        Shape shape = Broadcast.shape(shapes);
        DType t = in.getFirst().dtype();
        Tensor y = Tensor.allocate(t, shape);
        List<long[]> maps = new ArrayList<>();
        for (Tensor x : in) maps.add(BroadcastIndex.of(x.shape(), shape));
        for (int i = 0; i < shape.intSize(); i++) {
            if (t.isFloatingPoint()) y.setDouble(i, variadicDouble(f, in, maps, i));
            else y.setLong(i, variadicLong(f, in, maps, i, t == DType.UINT64));
        }
        return y;
    }

    private static double variadicDouble(VariadicFunction f, List<Tensor> in, List<long[]> maps, int i) {
        double acc = in.getFirst().getDouble(maps.getFirst()[i]);
        for (int k = 1; k < in.size(); k++) {
            double v = in.get(k).getDouble(maps.get(k)[i]);
            acc = switch (f) {
                case SUM, MEAN -> acc + v;
                case MAX -> Math.max(acc, v);
                case MIN -> Math.min(acc, v);
            };
        }
        return f == VariadicFunction.MEAN ? acc / in.size() : acc;
    }

    private static long variadicLong(VariadicFunction f, List<Tensor> in, List<long[]> maps, int i, boolean unsigned) {
        long acc = in.getFirst().getLong(maps.getFirst()[i]);
        for (int k = 1; k < in.size(); k++) {
            long v = in.get(k).getLong(maps.get(k)[i]);
            int cmp = unsigned ? Long.compareUnsigned(acc, v) : Long.compare(acc, v);
            acc = switch (f) {
                case SUM, MEAN -> acc + v;
                case MAX -> cmp >= 0 ? acc : v;
                case MIN -> cmp <= 0 ? acc : v;
            };
        }
        return f == VariadicFunction.MEAN ? acc / in.size() : acc;
    }

    static Tensor where(Tensor condition, Tensor x, Tensor y) {
        Shape shape = Broadcast.shape(List.of(condition.shape(), x.shape(), y.shape()));
        long[] ic = BroadcastIndex.of(condition.shape(), shape);
        long[] ix = BroadcastIndex.of(x.shape(), shape);
        long[] iy = BroadcastIndex.of(y.shape(), shape);
        Tensor out = Tensor.allocate(x.dtype(), shape);
        for (int i = 0; i < ic.length; i++) {
            boolean pick = condition.getLong(ic[i]) != 0;
            Tensor src = pick ? x : y;
            long at = pick ? ix[i] : iy[i];
            if (x.dtype().isFloatingPoint()) out.setDouble(i, src.getDouble(at)); else out.setLong(i, src.getLong(at));
        }
        return out;
    }
}
