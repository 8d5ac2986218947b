package dev.slim4j.kernels;

/** Argument checks shared by the {@link Elementwise} implementations, with messages naming the array. */
final class ElementwiseChecks {
    private ElementwiseChecks() {}

    static void extents(int count, String n1, float[] a1, int o1, String n2, float[] a2, int o2) {
        if (count < 0) {
            throw new IllegalArgumentException("expected count >= 0, found " + count);
        }
        Conv.checkExtent(n1, a1, o1, count);
        Conv.checkExtent(n2, a2, o2, count);
    }

    static void extents(int count, String n1, float[] a1, int o1, String n2, float[] a2, int o2,
                        String n3, float[] a3, int o3) {
        extents(count, n1, a1, o1, n2, a2, o2);
        Conv.checkExtent(n3, a3, o3, count);
    }

    /** Extents of a gradient pass: float x, double dy and dx, {@code count} each. */
    static void passExtents(int count, float[] x, int xOff, double[] dy, int dyOff, double[] dx, int dxOff) {
        if (count < 0) {
            throw new IllegalArgumentException("expected count >= 0, found " + count);
        }
        Conv.checkExtent("x", x, xOff, count);
        if (dyOff < 0 || dyOff > dy.length - count || dxOff < 0 || dxOff > dx.length - count) {
            throw new IndexOutOfBoundsException("expected " + count + " gradients from offsets " + dyOff + " and "
                    + dxOff + ", found dy of " + dy.length + " and dx of " + dx.length);
        }
    }

    /** Extents of the moments: float x, optional double dy, {@code count} each, and 2 (4 with dy) sums. */
    static void momentExtents(int count, float[] x, int xOff, double[] dy, int dyOff, double[] out) {
        if (count < 0) {
            throw new IllegalArgumentException("expected count >= 0, found " + count);
        }
        Conv.checkExtent("x", x, xOff, count);
        if (dy != null && (dyOff < 0 || dyOff > dy.length - count)) {
            throw new IndexOutOfBoundsException("expected " + count + " gradients from offset " + dyOff
                    + ", found dy of " + dy.length);
        }
        if (out.length < (dy == null ? 2 : 4)) {
            throw new IllegalArgumentException("expected " + (dy == null ? 2 : 4) + " sums, found " + out.length);
        }
    }

    static void channels(int outer, int channels, int inner, float[] x, int xOff, float[] y, int yOff,
                         String vectorName, float[] vector, int vectorOff) {
        if (outer < 0 || channels < 1 || inner < 1) {
            throw new IllegalArgumentException("expected outer >= 0, channels >= 1, inner >= 1, found "
                    + outer + ", " + channels + ", " + inner);
        }
        int count = Math.multiplyExact(Math.multiplyExact(outer, channels), inner);
        extents(count, "x", x, xOff, "y", y, yOff);
        Conv.checkExtent(vectorName, vector, vectorOff, channels);
    }

    /** Throws unless {@code acc} and {@code y} hold {@code count} elements and the multiplier is finite. */
    static void dequantize(byte[] q, int qOff, float[] y, int yOff, int count) {
        if (count < 0 || qOff < 0 || qOff > q.length - count || yOff < 0 || yOff > y.length - count) {
            throw new IndexOutOfBoundsException("dequantize " + count + " values: q holds " + q.length
                    + " from offset " + qOff + ", y holds " + y.length + " from offset " + yOff);
        }
    }

    static void rows(int rows, int cols, float[] x, int xOff, float[] y, int yOff) {
        if (rows < 0 || cols < 1) {
            throw new IllegalArgumentException("expected rows >= 0 and cols >= 1, found " + rows + ", " + cols);
        }
        extents(Math.multiplyExact(rows, cols), "x", x, xOff, "y", y, yOff);
    }
}
