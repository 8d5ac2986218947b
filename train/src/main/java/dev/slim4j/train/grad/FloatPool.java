package dev.slim4j.train.grad;

import dev.slim4j.ir.op.AutoPad;
import dev.slim4j.ir.op.MaxPool;
import dev.slim4j.kernels.Parallelism;
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

    /** Planes split across threads. */
    static Tensor maxForward(MaxPool p, Tensor x, Parallelism par) {
        Geometry g = geometry(p, x);
        float[] xv = x.floats();
        int planes = x.shape().dim(0) * x.shape().dim(1);
        int out = g.oh * g.ow;
        float[] y = new float[planes * out];
        Chunks.run(par, planes, (part, from, to) -> {
            int[] arg = new int[out];
            for (int pl = from; pl < to; pl++) {
                argmaxes(g, xv, pl * g.h * g.w, arg);
                for (int o = 0; o < out; o++) y[pl * out + o] = arg[o] < 0 ? Float.NEGATIVE_INFINITY : xv[arg[o]];
            }
        });
        return Tensor.ofFloats(Shape.of(x.shape().dim(0), x.shape().dim(1), g.oh, g.ow), y);
    }

    /** dy routed to the first maximum of each window; planes split across threads. */
    static double[] maxGradient(MaxPool p, Tensor x, double[] dy, Parallelism par) {
        Geometry g = geometry(p, x);
        float[] xv = x.floats();
        int planes = x.shape().dim(0) * x.shape().dim(1);
        int out = g.oh * g.ow;
        double[] dx = new double[xv.length];
        Chunks.run(par, planes, (part, from, to) -> {
            int[] arg = new int[out];
            for (int pl = from; pl < to; pl++) {
                argmaxes(g, xv, pl * g.h * g.w, arg);
                for (int o = 0; o < out; o++) if (arg[o] >= 0) dx[arg[o]] += dy[pl * out + o];
            }
        });
        return dx;
    }

    /** The argmax of every output window of the plane at {@code base}, row by row. */
    private static void argmaxes(Geometry g, float[] x, int base, int[] arg) {
        for (int oy = 0; oy < g.oh; oy++) {
            for (int ox = 0; ox < g.ow; ox++) arg[oy * g.ow + ox] = argmax(g, x, base, oy, ox);
        }
    }

    /**
     * Index in x of the first maximum (row-major window order) of output element (oy, ox)'s window in the plane at
     * base, or -1 for a window entirely in the padding. The window is clipped to the image once, so the
     * inner loop has no bounds test.
     */
    private static int argmax(Geometry g, float[] x, int base, int oy, int ox) {
        int y0 = oy * g.sh - g.pt;
        int x0 = ox * g.sw - g.pl;
        int yLo = Math.max(0, y0);
        int yHi = Math.min(g.h, y0 + g.kh);
        int xLo = Math.max(0, x0);
        int xHi = Math.min(g.w, x0 + g.kw);
        if (yLo >= yHi || xLo >= xHi) return -1;
        int arg = base + yLo * g.w + xLo;
        float best = x[arg];
        for (int iy = yLo; iy < yHi; iy++) {
            int row = base + iy * g.w;
            for (int ix = xLo; ix < xHi; ix++) {
                if (x[row + ix] > best) {
                    best = x[row + ix];
                    arg = row + ix;
                }
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
