package dev.slim4j.runtime.reference;

import dev.slim4j.ir.op.BatchNormalization;
import dev.slim4j.ir.op.InstanceNormalization;
import dev.slim4j.ir.op.LRN;
import dev.slim4j.ir.op.LpNormalization;
import dev.slim4j.ir.op.UnsupportedOpException;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.ShapeException;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/** Reference BatchNormalization, InstanceNormalization, LRN and LpNormalization, in double. */
final class NormalizationReference {
    private NormalizationReference() {}

    static List<Tensor> batchNormalization(BatchNormalization op, List<Tensor> in, int outputCount) {
        Tensor x = in.get(0);
        if (x.rank() < 2) throw new ShapeException("BatchNormalization: expected X [N, C, ...], found " + x.shape());
        if (op.spatial().orElse(1L) == 0) {
            throw new UnsupportedOpException("BatchNormalization", "", 7, "spatial=0 (per-element statistics)");
        }
        if (op.isTest().isPresent() && op.usesBatchStatistics()) {
            throw new UnsupportedOpException("BatchNormalization", "", 6, "is_test=0 (training outputs of opset 6)");
        }
        int c = x.shape().dim(1);
        for (int i = 1; i < 5; i++) {
            if (in.get(i).rank() != 1 || in.get(i).shape().dim(0) != c) {
                throw new ShapeException("BatchNormalization: expected input " + i + " of shape [" + c + "], found "
                        + in.get(i).shape());
            }
        }
        double[] mean = in.get(3).doubles();
        double[] var = in.get(4).doubles();
        List<Tensor> out = new ArrayList<>();
        if (op.usesBatchStatistics()) {
            double[][] stats = channelStatistics(x);
            out.add(normalize(x, stats[0], stats[1], in.get(1), in.get(2), op.epsilon()));
            if (outputCount > 1) out.add(blend(in.get(3), mean, stats[0], op.momentum()));
            if (outputCount > 2) out.add(blend(in.get(4), var, stats[1], op.momentum()));
        } else {
            out.add(normalize(x, mean, var, in.get(1), in.get(2), op.epsilon()));
            if (outputCount > 1) throw new UnsupportedOpException("BatchNormalization", "", 15,
                    "running statistics outputs outside training mode");
        }
        return out;
    }

    /** Per channel: mean and population variance over the batch and spatial axes. */
    private static double[][] channelStatistics(Tensor x) {
        int n = x.shape().dim(0);
        int c = x.shape().dim(1);
        long size = x.shape().sizeBetween(2, x.rank());
        double[] mean = new double[c];
        double[] var = new double[c];
        for (int ch = 0; ch < c; ch++) {
            double sum = 0;
            for (int b = 0; b < n; b++) for (long i = 0; i < size; i++) sum += x.getDouble((b * c + ch) * size + i);
            mean[ch] = sum / (n * size);
            double sq = 0;
            for (int b = 0; b < n; b++) {
                for (long i = 0; i < size; i++) {
                    double d = x.getDouble((b * c + ch) * size + i) - mean[ch];
                    sq += d * d;
                }
            }
            var[ch] = sq / (n * size);
        }
        return new double[][] {mean, var};
    }

    private static Tensor normalize(Tensor x, double[] mean, double[] var, Tensor scale, Tensor bias, double eps) {
        int n = x.shape().dim(0);
        int c = x.shape().dim(1);
        long size = x.shape().sizeBetween(2, x.rank());
        Tensor y = Tensor.allocate(x.dtype(), x.shape());
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                double factor = scale.getDouble(ch) / Math.sqrt(var[ch] + eps);
                double shift = bias.getDouble(ch) - mean[ch] * factor;
                long base = (b * c + ch) * size;
                for (long i = 0; i < size; i++) y.setDouble(base + i, x.getDouble(base + i) * factor + shift);
            }
        }
        return y;
    }

    private static Tensor blend(Tensor like, double[] running, double[] current, double momentum) {
        Tensor t = Tensor.allocate(like.dtype(), like.shape());
        for (int i = 0; i < running.length; i++) t.setDouble(i, running[i] * momentum + current[i] * (1 - momentum));
        return t;
    }

    static Tensor instanceNormalization(InstanceNormalization op, Tensor x, Tensor scale, Tensor bias) {
        if (x.rank() < 3) throw new ShapeException("InstanceNormalization: expected X [N, C, D...], found " + x.shape());
        int n = x.shape().dim(0);
        int c = x.shape().dim(1);
        long size = x.shape().sizeBetween(2, x.rank());
        Tensor y = Tensor.allocate(x.dtype(), x.shape());
        for (int plane = 0; plane < n * c; plane++) {
            long base = plane * size;
            double sum = 0;
            for (long i = 0; i < size; i++) sum += x.getDouble(base + i);
            double mean = sum / size;
            double sq = 0;
            for (long i = 0; i < size; i++) sq += (x.getDouble(base + i) - mean) * (x.getDouble(base + i) - mean);
            int ch = plane % c;
            double factor = scale.getDouble(ch) / Math.sqrt(sq / size + op.epsilon());
            for (long i = 0; i < size; i++) {
                y.setDouble(base + i, (x.getDouble(base + i) - mean) * factor + bias.getDouble(ch));
            }
        }
        return y;
    }

    static Tensor lrn(LRN op, Tensor x) {
        if (x.rank() < 2) throw new ShapeException("LRN: expected X [N, C, ...], found " + x.shape());
        int n = x.shape().dim(0);
        int c = x.shape().dim(1);
        long size = x.shape().sizeBetween(2, x.rank());
        int before = (int) ((op.size() - 1) / 2);
        int after = (int) (op.size() - 1 - before);
        Tensor y = Tensor.allocate(x.dtype(), x.shape());
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                for (long i = 0; i < size; i++) {
                    double sq = 0;
                    for (int j = Math.max(0, ch - before); j <= Math.min(c - 1, ch + after); j++) {
                        double v = x.getDouble((b * c + j) * size + i);
                        sq += v * v;
                    }
                    long at = (b * c + ch) * size + i;
                    double denom = Math.pow(op.bias() + op.alpha() / op.size() * sq, op.beta());
                    y.setDouble(at, x.getDouble(at) / denom);
                }
            }
        }
        return y;
    }

    static Tensor lpNormalization(LpNormalization op, Tensor x) {
        Shape s = x.shape();
        int axis = s.normalizeAxis(op.axis());
        long outer = s.sizeBetween(0, axis);
        int len = s.dim(axis);
        long inner = s.sizeBetween(axis + 1, s.rank());
        Tensor y = Tensor.allocate(x.dtype(), s);
        for (long o = 0; o < outer; o++) {
            for (long i = 0; i < inner; i++) {
                long base = o * len * inner + i;
                double norm = 0;
                for (int j = 0; j < len; j++) {
                    double v = x.getDouble(base + j * inner);
                    norm += op.p() == 1 ? Math.abs(v) : v * v;
                }
                if (op.p() == 2) norm = Math.sqrt(norm);
                for (int j = 0; j < len; j++) y.setDouble(base + j * inner, x.getDouble(base + j * inner) / norm);
            }
        }
        return y;
    }
}
