package dev.slim4j.cli.quantize;

import dev.slim4j.cli.UsageException;

/**
 * A {@code --size-budget}: a number of bytes ({@code 120000}), or a fraction of the FP32 model's initializer
 * bytes ({@code 0.15}, or {@code 6.5x} for one 6.5th). Bytes are packed bytes
 * ({@link dev.slim4j.compress.quant.ModelSize#packedBytes}).
 */
record SizeBudget(long bytes, double ratio) {
    static SizeBudget parse(String s) {
        String v = s.trim();
        try {
            if (v.endsWith("x")) {
                double times = Double.parseDouble(v.substring(0, v.length() - 1));
                if (!(times >= 1)) throw new UsageException("--size-budget " + s + ": a reduction factor must be >= 1x");
                return new SizeBudget(-1, 1 / times);
            }
            if (v.matches("[0-9]+")) {
                long b = Long.parseLong(v);
                if (b < 1) throw new UsageException("--size-budget expects at least 1 byte, found " + s);
                return new SizeBudget(b, Double.NaN);
            }
            double r = Double.parseDouble(v);
            if (!(r > 0 && r <= 1)) throw new UsageException("--size-budget " + s + ": a ratio must lie in (0, 1]");
            return new SizeBudget(-1, r);
        } catch (NumberFormatException e) {
            throw new UsageException("--size-budget expects BYTES (an integer), a RATIO in (0, 1] or a factor like 6x, found '" + s + "'");
        }
    }

    /** The budget in bytes for a model of {@code fp32Bytes}. */
    long bytesFor(long fp32Bytes) { return bytes > 0 ? bytes : (long) Math.floor(ratio * fp32Bytes); }
}
