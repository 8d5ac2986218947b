package dev.slim4j.train.grad;

import dev.slim4j.ir.op.Binary;
import dev.slim4j.ir.op.BinaryFunction;
import dev.slim4j.ir.op.Celu;
import dev.slim4j.ir.op.Clip;
import dev.slim4j.ir.op.Elu;
import dev.slim4j.ir.op.HardSigmoid;
import dev.slim4j.ir.op.LeakyRelu;
import dev.slim4j.ir.op.Op;
import dev.slim4j.ir.op.Reduce;
import dev.slim4j.ir.op.ReduceFunction;
import dev.slim4j.ir.op.Selu;
import dev.slim4j.ir.op.Softmax;
import dev.slim4j.ir.op.SoftmaxFunction;
import dev.slim4j.ir.op.Unary;
import dev.slim4j.ir.op.UnaryFunction;
import dev.slim4j.ir.op.Variadic;
import dev.slim4j.ir.op.VariadicFunction;
import dev.slim4j.ir.op.Where;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ElementwiseGradientTest {
    private static void unary(Op op, double lo, double hi) {
        Net n = new Net();
        n.output(n.node(op, n.input("x", n.random(lo, hi, 3, 5, 7)))).check();
    }

    @Test void activations() {
        unary(new Unary(UnaryFunction.RELU), -1, 1);
        unary(new Unary(UnaryFunction.SIGMOID), -3, 3);
        unary(new Unary(UnaryFunction.TANH), -2, 2);
        unary(new Unary(UnaryFunction.HARD_SWISH), -5, 5);
        unary(new LeakyRelu(0.1f), -1, 1);
        unary(new HardSigmoid(0.2f, 0.5f), -4, 4);
        unary(new Elu(0.8f), -2, 2);
        unary(new Selu(Selu.DEFAULT_ALPHA, Selu.DEFAULT_GAMMA), -2, 2);
        unary(new Celu(1.5f), -2, 2);
    }

    @Test void mathFunctions() {
        for (UnaryFunction f : List.of(UnaryFunction.NEG, UnaryFunction.ABS, UnaryFunction.EXP, UnaryFunction.ERF,
                UnaryFunction.SIN, UnaryFunction.COS, UnaryFunction.SOFTPLUS, UnaryFunction.SOFTSIGN, UnaryFunction.FLOOR)) {
            unary(new Unary(f), -1.5, 1.5);
        }
        for (UnaryFunction f : List.of(UnaryFunction.LOG, UnaryFunction.SQRT, UnaryFunction.RECIPROCAL, UnaryFunction.TAN)) {
            unary(new Unary(f), 0.3, 1.4);
        }
    }

    @Test void clipAsReluSixWithInputBoundsAndWithAttributes() {
        Net n = new Net();
        String y = n.node(Clip.withInputBounds(), n.input("x", n.random(-2, 8, 2, 3, 5)),
                n.constant("lo", Tensor.ofDoubles(Shape.scalar(), 0)), n.constant("hi", Tensor.ofDoubles(Shape.scalar(), 6)));
        n.output(y).check();
        unary(new Clip(Optional.of(-0.5f), Optional.of(0.4f)), -1, 1);
        unary(new Clip(Optional.empty(), Optional.of(0.4f)), -1, 1);
    }

    @Test void softmaxAndLogSoftmaxAlongAnyAxis() {
        for (SoftmaxFunction f : List.of(SoftmaxFunction.SOFTMAX, SoftmaxFunction.LOG_SOFTMAX)) {
            unary(new Softmax(f, -1, false), -2, 2);
            unary(new Softmax(f, 1, false), -2, 2);
            unary(new Softmax(f, 0, false), -2, 2);
            unary(new Softmax(f, 1, true), -2, 2);
        }
    }

    private static void binary(BinaryFunction f, int[] a, int[] b, double lo, double hi) {
        Net n = new Net();
        n.output(n.node(new Binary(f), n.input("a", n.random(lo, hi, a)), n.param("b", n.random(lo, hi, b)))).check();
    }

    @Test void arithmeticWithBroadcasting() {
        int[][][] shapes = {
            {{2, 3, 4}, {2, 3, 4}}, {{2, 3, 4}, {3, 1}}, {{1, 4}, {3, 1}}, {{3}, {2, 5, 3}}, {{2, 3}, {}}, {{}, {2, 3}}};
        for (BinaryFunction f : List.of(BinaryFunction.ADD, BinaryFunction.SUB, BinaryFunction.MUL, BinaryFunction.DIV)) {
            for (int[][] s : shapes) binary(f, s[0], s[1], 0.5, 1.5);
        }
        for (int[][] s : shapes) binary(BinaryFunction.MUL, s[0], s[1], -1, 1);
        binary(BinaryFunction.POW, new int[] {2, 3}, new int[] {3}, 0.5, 2);
        binary(BinaryFunction.PRELU, new int[] {2, 3, 4}, new int[] {3, 1}, -1, 1);
    }

    @Test void reductions() {
        unary(new Reduce(ReduceFunction.SUM, Optional.of(List.of(1L)), true, false, false), -1, 1);
        unary(new Reduce(ReduceFunction.MEAN, Optional.of(List.of(0L, 2L)), false, false, false), -1, 1);
        unary(new Reduce(ReduceFunction.MEAN, Optional.empty(), true, false, false), -1, 1);
        unary(new Reduce(ReduceFunction.SUM_SQUARE, Optional.of(List.of(-1L)), false, false, false), -1, 1);
        unary(new Reduce(ReduceFunction.L2, Optional.of(List.of(1L)), true, false, false), -1, 1);
        Net n = new Net();
        String y = n.node(new Reduce(ReduceFunction.SUM, Optional.empty(), false, true, false), n.input("x", 2, 3, 4),
                n.constant("axes", Tensor.vector(-2)));
        n.output(y).check();
    }

    @Test void sumMeanAndWhere() {
        Net n = new Net();
        n.output(n.node(new Variadic(VariadicFunction.SUM), n.input("a", 2, 3), n.param("b", 3), n.param("c", 2, 1)))
                .check();
        n = new Net();
        n.output(n.node(new Variadic(VariadicFunction.MEAN), n.input("a", 2, 3), n.param("b", 3))).check();
        n = new Net();
        Tensor cond = Tensor.ofBytes(DType.BOOL, Shape.of(3), (byte) 1, (byte) 0, (byte) 1);
        n.output(n.node(new Where(), n.constant("cond", cond), n.input("x", 2, 3), n.param("y", 2, 1))).check();
    }
}
