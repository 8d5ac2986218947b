package dev.slim4j.train.grad;

import dev.slim4j.ir.op.AutoPad;
import dev.slim4j.ir.op.MaxPool;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;

/** 2-D MaxPool (explicit padding, floor mode, no dilation) and GlobalAveragePool on float arrays. */
final class FloatPool {
    private FloatPool() {}

    /** Window geometry: kernel, stride and pads of both axes, and the output size. */
    private record Geometry(int kh, int kw, int sh, int sw, int pt, int pl, int h, int w, int oh, int ow) {}

    static boolean fits(MaxPool p, Tensor x) {
        return x.rank() == 4 && p.autoPad() == AutoPad.NOTSET && p.ceilMode() == 0 && p.storageOrder() == 0
                && p.kernelShape().size() == 2 && p.dilations().stream().allMatch(d -> d == 1)
                && (p.pads().isEmpty() || p.pads().size() == 4);
    }

    private static Geometry geometry(MaxPool p, Tensor x) {
        int kh = Math.toIntExact(p.kernelShape().get(0));
        int kw = Math.toIntExact(p.kernelShape().get(1));
        int sh = p.strides().isEmpty() ? 1 : Math.toIntExact(p.strides().get(0));
        int sw = p.strides().isEmpty() ? 1 : Math.toIntExact(p.strides().get(1));
        int[] pads = p.pads().isEmpty() ? new int[4] : p.pads().stream().mapToInt(Math::toIntExact).toArray();
        int h = x.shape().dim(2);
        int w = x.shape().dim(3);
        int oh = (h + pads[0] + pads[2] - kh) / sh + 1;
        int ow = (w + pads[1] + pads[3] - kw) / sw + 1;
        return new Geometry(kh, kw, sh, sw, pads[0], pads[1], h, w, oh, ow);
    }

    static Tensor maxForward(MaxPool p, Tensor x) {
        Geometry g = geometry(p, x);
        float[] xv = x.floats();
        int planes = x.shape().dim(0) * x.shape().dim(1);
        float[] y = new float[planes * g.oh * g.ow];
        for (int pl = 0; pl < planes; pl++) {
            for (int o = 0; o < g.oh * g.ow; o++) {
                int arg = argmax(g, xv, pl * g.h * g.w, o);
                y[pl * g.oh * g.ow + o] = arg < 0 ? Float.NEGATIVE_INFINITY : xv[arg];
            }
        }
        return Tensor.ofFloats(Shape.of(x.shape().dim(0), x.shape().dim(1), g.oh, g.ow), y);
    }

    /** dy routed to the first maximum of each window. */
    static double[] maxGradient(MaxPool p, Tensor x, double[] dy) {
        Geometry g = geometry(p, x);
        float[] xv = x.floats();
        int planes = x.shape().dim(0) * x.shape().dim(1);
        double[] dx = new double[xv.length];
        for (int pl = 0; pl < planes; pl++) {
            for (int o = 0; o < g.oh * g.ow; o++) {
                int arg = argmax(g, xv, pl * g.h * g.w, o);
                if (arg >= 0) dx[arg] += dy[pl * g.oh * g.ow + o];
            }
        }
        return dx;
    }

    /** Index in x of the first maximum of output element o's window in the plane at base, or -1. */
    private static int argmax(Geometry g, float[] x, int base, int o) {
        int oy = o / g.ow;
        int ox = o % g.ow;
        int arg = -1;
        for (int i = 0; i < g.kh; i++) {
            int iy = oy * g.sh - g.pt + i;
            if (iy < 0 || iy >= g.h) continue;
            for (int j = 0; j < g.kw; j++) {
                int ix = ox * g.sw - g.pl + j;
                if (ix < 0 || ix >= g.w) continue;
                int at = base + iy * g.w + ix;
                if (arg < 0 || x[at] > x[arg]) arg = at;
            }
        }
        return arg;
    }

    static Tensor globalAverage(Tensor x) {
        Shape s = x.shape();
        int size = (int) s.sizeBetween(2, s.rank());
        int planes = s.dim(0) * s.dim(1);
        float[] xv = x.floats();
        float[] y = new float[planes];
        for (int p = 0; p < planes; p++) {
            double sum = 0;
            for (int i = 0; i < size; i++) sum += xv[p * size + i];
            y[p] = (float) (sum / size);
        }
        int[] dims = new int[s.rank()];
        java.util.Arrays.fill(dims, 1);
        dims[0] = s.dim(0);
        dims[1] = s.dim(1);
        return Tensor.ofFloats(Shape.of(dims), y);
    }
}
