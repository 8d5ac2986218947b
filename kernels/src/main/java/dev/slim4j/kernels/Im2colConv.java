package dev.slim4j.kernels;

import java.util.Objects;

/**
 * {@link Conv} as im2col + {@link Gemm}: per image and group, the receptive fields are unfolded ({@link Im2col},
 * a cache-sized band of output rows at a time; skipped for pointwise convolutions) and multiplied by the group's
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
        int band = Im2col.bandRows(g);
        float[] columns = g.pointwise() ? null : new float[Im2col.bandFloats(g)];
        for (int n = 0; n < g.batch(); n++) {
            for (int group = 0; group < g.groups(); group++) {
                int xGroup = xOff + (n * g.channels() + group * g.groupChannels()) * g.height() * g.width();
                Epilogue epilogue = bias == null ? Epilogue.none() : Epilogue.rowBias(bias, biasOff + group * mg);
                epilogue = epilogue.withActivation(activation);
                int yGroup = yOff + (n * g.outChannels() + group * mg) * spatial;
                if (columns == null) {
                    Epilogue e = residual == null ? epilogue
                            : epilogue.withResidual(residual, yGroup - yOff + residualOff, spatial);
                    gemm.sgemm(false, false, mg, spatial, k, 1f, w, wOff + group * mg * k, k, x, xGroup, spatial,
                            0f, y, yGroup, spatial, e, parallelism);
                    continue;
                }
                for (int oh0 = 0; oh0 < g.outHeight(); oh0 += band) {
                    int oh1 = Math.min(g.outHeight(), oh0 + band);
                    int cols = (oh1 - oh0) * g.outWidth();
                    int shift = oh0 * g.outWidth();
                    Epilogue e = residual == null ? epilogue
                            : epilogue.withResidual(residual, yGroup - yOff + residualOff + shift, spatial);
                    Im2col.unfold(g, x, xGroup, oh0, oh1, columns, 0);
                    gemm.sgemm(false, false, mg, cols, k, 1f, w, wOff + group * mg * k, k, columns, 0, cols,
                            0f, y, yGroup + shift, spatial, e, parallelism);
                }
            }
        }
    }
}
