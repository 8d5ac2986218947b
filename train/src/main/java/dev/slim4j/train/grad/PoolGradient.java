package dev.slim4j.train.grad;

import dev.slim4j.ir.op.AveragePool;
import dev.slim4j.ir.op.SlidingWindow;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;

/** Gradients of the pools: max routes dy to the (first) maximum of its window, average spreads dy / count. */
final class PoolGradient {
    private PoolGradient() {}

    private static Window window(Tensor x, SlidingWindow w) {
        int[] kernel = w.kernelShape().stream().mapToInt(Math::toIntExact).toArray();
        return Window.of(Window.tail(x.shape().toArray(), 2), kernel, w);
    }

    private static int planes(Tensor x) { return x.shape().dim(0) * x.shape().dim(1); }

    static double[] maxPool(SlidingWindow w, Tensor x, double[] dy) {
        Window t = window(x, w);
        double[] xv = x.doubles();
        double[] dx = new double[xv.length];
        for (int plane = 0; plane < planes(x); plane++) {
            int base = plane * t.inputSize;
            for (int o = 0; o < t.outputSize; o++) {
                int arg = -1;
                for (int k = 0; k < t.kernelSize; k++) {
                    int idx = t.at(o, k);
                    if (idx >= 0 && (arg < 0 || xv[base + idx] > xv[base + arg])) arg = idx;
                }
                if (arg >= 0) dx[base + arg] += dy[plane * t.outputSize + o];
            }
        }
        return dx;
    }

    /** Divisor as the forward: the input elements of the window, plus its padded ones with count_include_pad. */
    static double[] averagePool(AveragePool op, Tensor x, double[] dy) {
        Window t = window(x, op.window());
        boolean includePad = op.countIncludePad() != 0;
        double[] dx = new double[x.shape().intSize()];
        for (int plane = 0; plane < planes(x); plane++) {
            int base = plane * t.inputSize;
            for (int o = 0; o < t.outputSize; o++) {
                int count = 0;
                for (int k = 0; k < t.kernelSize; k++) {
                    int idx = t.at(o, k);
                    if (idx >= 0 || (includePad && idx == Window.PADDING)) count++;
                }
                double g = dy[plane * t.outputSize + o] / count;
                for (int k = 0; k < t.kernelSize; k++) {
                    int idx = t.at(o, k);
                    if (idx >= 0) dx[base + idx] += g;
                }
            }
        }
        return dx;
    }

    static double[] globalAverage(Tensor x, double[] dy) {
        Shape s = x.shape();
        int size = (int) s.sizeBetween(2, s.rank());
        double[] dx = new double[s.intSize()];
        for (int i = 0; i < dx.length; i++) dx[i] = dy[i / size] / size;
        return dx;
    }

    static double[] globalMax(Tensor x, double[] dy) {
        Shape s = x.shape();
        int size = (int) s.sizeBetween(2, s.rank());
        double[] xv = x.doubles();
        double[] dx = new double[xv.length];
        for (int plane = 0; plane < planes(x); plane++) {
            int arg = plane * size;
            for (int i = 1; i < size; i++) if (xv[plane * size + i] > xv[arg]) arg = plane * size + i;
            dx[arg] += dy[plane];
        }
        return dx;
    }

}
