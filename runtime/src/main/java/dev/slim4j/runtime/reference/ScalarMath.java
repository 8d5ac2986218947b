package dev.slim4j.runtime.reference;

/** Scalar functions Java's Math lacks, in double precision. */
final class ScalarMath {
    private ScalarMath() {}

    /** The error function: Maclaurin series below |x| = 3, continued fraction for erfc beyond. */
    static double erf(double x) {
        if (Double.isNaN(x)) return x;
        double ax = Math.abs(x);
        if (ax >= 6) return Math.signum(x);
        if (ax < 3) {
            double term = x;
            double sum = x;
            double x2 = x * x;
            for (int n = 1; n < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
                term *= -x2 / n;
                sum += term / (2 * n + 1);
            }
            return 2 / Math.sqrt(Math.PI) * sum;
        }
        double fraction = 0;
        for (int k = 60; k >= 1; k--) fraction = (k / 2.0) / (ax + fraction);
        double erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / (ax + fraction);
        return Math.signum(x) * (1 - erfc);
    }

    /** log(1 + exp(x)) without overflow. */
    static double softplus(double x) { return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)); }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }
}
