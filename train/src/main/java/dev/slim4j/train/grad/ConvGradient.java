package dev.slim4j.train.grad;

import dev.slim4j.ir.op.Conv;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;

/**
 * Gradients of Conv (any spatial rank, groups, depthwise, strides, pads, dilations): every product
 * x * w that made an output element sends dy * w back to x and dy * x back to w; dB sums dy per channel.
 */
final class ConvGradient {
    private ConvGradient() {}

    static double[][] conv(Conv op, Tensor x, Tensor w, boolean hasBias, double[] dy) {
        Shape xs = x.shape();
        Shape ws = w.shape();
        int batch = xs.dim(0);
        int channels = xs.dim(1);
        int m = ws.dim(0);
        int group = Math.toIntExact(op.group());
        int cg = channels / group;
        int mg = m / group;
        Window t = Window.of(Window.tail(xs.toArray(), 2), Window.tail(ws.toArray(), 2), op.window());
        double[] xv = x.doubles();
        double[] wv = w.doubles();
        double[] dx = new double[xv.length];
        double[] dw = new double[wv.length];
        double[] db = new double[m];
        for (int n = 0; n < batch; n++) {
            for (int mi = 0; mi < m; mi++) {
                int xBase = (n * channels + (mi / mg) * cg) * t.inputSize;
                int yBase = (n * m + mi) * t.outputSize;
                for (int o = 0; o < t.outputSize; o++) {
                    double g = dy[yBase + o];
                    db[mi] += g;
                    if (g != 0) window(t, o, g, xv, dx, xBase, wv, dw, mi * cg * t.kernelSize, cg);
                }
            }
        }
        return new double[][] {dx, dw, hasBias ? db : null};
    }

    /** The adjoint of one output element's window sum over cg channels and the kernel. */
    private static void window(Window t, int o, double g, double[] x, double[] dx, int xBase, double[] w, double[] dw,
                               int wBase, int cg) {
        for (int c = 0; c < cg; c++) {
            int xc = xBase + c * t.inputSize;
            int wc = wBase + c * t.kernelSize;
            for (int k = 0; k < t.kernelSize; k++) {
                int idx = t.at(o, k);
                if (idx < 0) continue;
                dx[xc + idx] += g * w[wc + k];
                dw[wc + k] += g * x[xc + idx];
            }
        }
    }
}
