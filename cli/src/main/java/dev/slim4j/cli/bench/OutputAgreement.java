package dev.slim4j.cli.bench;

import dev.slim4j.tensor.Tensor;
import java.util.Map;

/**
 * How closely two runtimes' outputs agree. For each output the difference is max|a - b| divided by
 * max|b| (the reference's largest magnitude), so it is relative to the output's scale and does not
 * blow up at values near zero; the worst output decides. A NaN on one side only, a different shape
 * or a missing output is total disagreement.
 *
 * @param maxAbsDiff  the largest absolute difference over all outputs
 * @param maxRelDiff  the largest scale-relative difference over all outputs
 * @param worstOutput the output where {@code maxRelDiff} occurs
 * @param problem     a structural mismatch (names, shapes), or empty
 */
record OutputAgreement(double maxAbsDiff, double maxRelDiff, String worstOutput, String problem, double tolerance) {
    boolean agrees() { return problem.isEmpty() && maxRelDiff <= tolerance; }

    static OutputAgreement compare(Map<String, Tensor> actual, Map<String, Tensor> reference, double tolerance) {
        if (!actual.keySet().equals(reference.keySet())) {
            return mismatch("output names differ: " + actual.keySet() + " vs " + reference.keySet(), tolerance);
        }
        double maxAbs = 0;
        double maxRel = 0;
        String worst = "";
        for (var e : reference.entrySet()) {
            Tensor a = actual.get(e.getKey());
            Tensor b = e.getValue();
            if (!a.shape().equals(b.shape())) {
                return mismatch("output '" + e.getKey() + "' has shape " + a.shape() + " vs " + b.shape(), tolerance);
            }
            double[] d = differences(a, b);
            maxAbs = Math.max(maxAbs, d[0]);
            if (d[1] > maxRel || worst.isEmpty()) {
                maxRel = Math.max(maxRel, d[1]);
                worst = e.getKey();
            }
        }
        return new OutputAgreement(maxAbs, maxRel, worst, "", tolerance);
    }

    /** {max |a-b|, max |a-b| / max |b|}; infinity when exactly one side is NaN at some index. */
    private static double[] differences(Tensor a, Tensor b) {
        double diff = 0;
        double scale = 0;
        for (long i = 0; i < b.size(); i++) {
            double x = a.getDouble(i);
            double y = b.getDouble(i);
            if (Double.isNaN(x) || Double.isNaN(y)) {
                if (Double.isNaN(x) != Double.isNaN(y)) diff = Double.POSITIVE_INFINITY;
                continue;
            }
            diff = Math.max(diff, x == y ? 0 : Math.abs(x - y));
            scale = Math.max(scale, Math.abs(y));
        }
        double rel = diff == 0 ? 0 : diff / Math.max(scale, Double.MIN_NORMAL);
        return new double[] {diff, rel};
    }

    private static OutputAgreement mismatch(String problem, double tolerance) {
        return new OutputAgreement(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, "", problem, tolerance);
    }
}
