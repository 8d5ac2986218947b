package dev.slim4j.train.grad;

import dev.slim4j.ir.op.BatchNormalization;
import dev.slim4j.kernels.Parallelism;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * BatchNormalization forward on float arrays. Training mode normalizes with the batch mean and population
 * variance and also returns running * momentum + batch * (1 - momentum) for mean and variance (as ONNX);
 * inference mode uses the running statistics.
 */
final class FloatNorm {
    private FloatNorm() {}

    static List<Tensor> forward(BatchNormalization op, List<Tensor> in, int outputCount, Parallelism par) {
        Tensor x = in.get(0);
        int n = x.shape().dim(0);
        int c = x.shape().dim(1);
        int size = (int) x.shape().sizeBetween(2, x.rank());
        float[] xv = x.floats();
        float[] scale = in.get(1).floats();
        float[] bias = in.get(2).floats();
        float[] runMean = in.get(3).floats();
        float[] runVar = in.get(4).floats();
        boolean training = op.trainingMode() != 0;
        float[] y = new float[xv.length];
        float[] newMean = new float[c];
        float[] newVar = new float[c];
        Chunks.run(par, c, (part, from, to) -> {
            for (int ch = from; ch < to; ch++) {
                channel(op, training, xv, y, n, c, size, ch, scale[ch], bias[ch], runMean, runVar, newMean, newVar);
            }
        });
        List<Tensor> out = new ArrayList<>(List.of(Tensor.ofFloats(x.shape(), y)));
        if (training && outputCount > 1) {
            out.add(Tensor.ofFloats(Shape.of(c), newMean));
            out.add(Tensor.ofFloats(Shape.of(c), newVar));
        }
        return out;
    }

    private static void channel(BatchNormalization op, boolean training, float[] xv, float[] y, int n, int c, int size,
                                int ch, float gamma, float beta, float[] runMean, float[] runVar, float[] newMean,
                                float[] newVar) {
        double mean = runMean[ch];
        double var = runVar[ch];
        if (training) {
            double[] moments = ChannelSums.moments(xv, n, c, size, ch);
            mean = moments[0];
            var = moments[1];
            newMean[ch] = (float) (runMean[ch] * op.momentum() + mean * (1 - op.momentum()));
            newVar[ch] = (float) (runVar[ch] * op.momentum() + var * (1 - op.momentum()));
        }
        float a = (float) (gamma / Math.sqrt(var + op.epsilon()));
        float shift = (float) (beta - mean * a);
        for (int b = 0; b < n; b++) {
            int off = (b * c + ch) * size;
            for (int i = 0; i < size; i++) y[off + i] = xv[off + i] * a + shift;
        }
    }
}
