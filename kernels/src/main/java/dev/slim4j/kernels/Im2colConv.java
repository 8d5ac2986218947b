package dev.slim4j.kernels;

import java.util.Arrays;
import java.util.Objects;

/**
 * {@link Conv} as im2col + {@link Gemm}: per image and group, the receptive fields are unfolded into a
 * {@code patchSize x (outH*outW)} matrix (skipped for pointwise convolutions) and multiplied by the group's
 * filters, with bias, residual and activation fused as the GEMM epilogue. The GEMM parallelises each multiply.
 */
public final class Im2colConv implements Conv {
    private final Gemm gemm;

    public Im2colConv(Gemm gemm) {
        this.gemm = Objects.requireNonNull(gemm, "gemm");
    }

    @Override
    public String name() {
        return "im2col+" + gemm.name();
    }

    @Override
    public void conv2d(ConvGeometry g, float[] x, int xOff, float[] w, int wOff, float[] bias, int biasOff,
                       float[] y, int yOff, Activation activation, float[] residual, int residualOff,
                       Parallelism parallelism) {
        Conv.checkArrays(g, x, xOff, w, wOff, bias, biasOff, y, yOff);
        if (residual != null) {
            Conv.checkExtent("residual", residual, residualOff, g.outputSize());
        }
        int spatial = g.outHeight() * g.outWidth();
        int k = g.patchSize();
        int mg = g.groupOutChannels();
        float[] columns = g.pointwise() ? null : new float[k * spatial];
        for (int n = 0; n < g.batch(); n++) {
            for (int group = 0; group < g.groups(); group++) {
                int xGroup = xOff + (n * g.channels() + group * g.groupChannels()) * g.height() * g.width();
                Epilogue epilogue = bias == null ? Epilogue.none() : Epilogue.rowBias(bias, biasOff + group * mg);
                int yGroup = yOff + (n * g.outChannels() + group * mg) * spatial;
                if (residual != null) {
                    epilogue = epilogue.withResidual(residual, yGroup - yOff + residualOff, spatial);
                }
                float[] b = x;
                int bOff = xGroup;
                if (columns != null) {
                    unfold(g, x, xGroup, columns);
                    b = columns;
                    bOff = 0;
                }
                gemm.sgemm(false, false, mg, spatial, k, 1f, w, wOff + group * mg * k, k, b, bOff, spatial,
                        0f, y, yGroup, spatial, epilogue.withActivation(activation), parallelism);
            }
        }
    }

    /** im2col of one group of one image: row {@code (c*kH + kh)*kW + kw}, column {@code oh*outW + ow}. */
    static void unfold(ConvGeometry g, float[] x, int xGroup, float[] columns) {
        int outH = g.outHeight();
        int outW = g.outWidth();
        int row = 0;
        for (int c = 0; c < g.groupChannels(); c++) {
            int plane = xGroup + c * g.height() * g.width();
            for (int kh = 0; kh < g.kernelH(); kh++) {
                for (int kw = 0; kw < g.kernelW(); kw++) {
                    int dst = row * outH * outW;
                    for (int oh = 0; oh < outH; oh++) {
                        int ih = oh * g.strideH() - g.padTop() + kh * g.dilationH();
                        unfoldRow(g, x, plane, ih, kw, columns, dst + oh * outW, outW);
                    }
                    row++;
                }
            }
        }
    }

    private static void unfoldRow(ConvGeometry g, float[] x, int plane, int ih, int kw, float[] columns, int dst,
                                  int outW) {
        if (ih < 0 || ih >= g.height()) {
            Arrays.fill(columns, dst, dst + outW, 0f);
            return;
        }
        int src = plane + ih * g.width();
        int shift = kw * g.dilationW() - g.padLeft();
        for (int ow = 0; ow < outW; ow++) {
            int iw = ow * g.strideW() + shift;
            columns[dst + ow] = iw >= 0 && iw < g.width() ? x[src + iw] : 0f;
        }
    }
}
