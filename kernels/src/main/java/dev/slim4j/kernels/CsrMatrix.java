package dev.slim4j.kernels;

import java.util.Arrays;
import java.util.Objects;

/**
 * A {@code rows x cols} float matrix in compressed sparse row form: the non-zeros of row {@code i} are
 * {@code values[rowStart[i] .. rowStart[i+1])} at columns {@code columns[...]} (ascending within a row). Immutable
 * once built; the arrays are owned by this object and must not be changed by callers.
 */
public final class CsrMatrix {
    private final int rows;
    private final int cols;
    private final int[] rowStart;
    private final int[] columns;
    private final float[] values;

    private CsrMatrix(int rows, int cols, int[] rowStart, int[] columns, float[] values) {
        this.rows = rows;
        this.cols = cols;
        this.rowStart = rowStart;
        this.columns = columns;
        this.values = values;
    }

    /** The CSR form of {@code rows x cols} elements {@code a[off + i*ld + j]}; exact zeros are dropped. */
    public static CsrMatrix fromDense(float[] a, int off, int rows, int cols, int ld) {
        return build(a, rows, cols, (i, j) -> off + i * ld + j);
    }

    /**
     * The CSR form of the transpose of the {@code cols x rows} matrix stored at {@code a[off + p*ld + q]}: element
     * (i, j) is {@code a[off + j*ld + i]}.
     */
    public static CsrMatrix fromDenseTransposed(float[] a, int off, int rows, int cols, int ld) {
        return build(a, rows, cols, (i, j) -> off + j * ld + i);
    }

    /** Builds from explicit CSR arrays (copied), checking that they describe a {@code rows x cols} matrix. */
    public static CsrMatrix of(int rows, int cols, int[] rowStart, int[] columns, float[] values) {
        if (rows < 0 || cols < 0) throw new IllegalArgumentException("expected rows, cols >= 0, found " + rows + ", " + cols);
        if (rowStart.length != rows + 1 || rowStart[0] != 0) {
            throw new IllegalArgumentException("expected " + (rows + 1) + " row starts beginning at 0, found "
                    + rowStart.length + (rowStart.length > 0 ? " beginning at " + rowStart[0] : ""));
        }
        int nnz = rowStart[rows];
        if (columns.length != nnz || values.length != nnz) {
            throw new IllegalArgumentException("expected " + nnz + " columns and values, found " + columns.length
                    + " and " + values.length);
        }
        for (int i = 0; i < rows; i++) {
            if (rowStart[i + 1] < rowStart[i]) throw new IllegalArgumentException("row starts decrease at row " + i);
            for (int t = rowStart[i]; t < rowStart[i + 1]; t++) {
                boolean ordered = t == rowStart[i] || columns[t] > columns[t - 1];
                if (columns[t] < 0 || columns[t] >= cols || !ordered) {
                    throw new IllegalArgumentException("expected ascending columns in [0, " + cols + ") in row " + i
                            + ", found " + columns[t]);
                }
            }
        }
        return new CsrMatrix(rows, cols, rowStart.clone(), columns.clone(), values.clone());
    }

    private interface Index {
        int at(int i, int j);
    }

    private static CsrMatrix build(float[] a, int rows, int cols, Index index) {
        Objects.requireNonNull(a, "a");
        if (rows < 0 || cols < 0) throw new IllegalArgumentException("expected rows, cols >= 0, found " + rows + ", " + cols);
        int[] start = new int[rows + 1];
        int nnz = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) if (a[index.at(i, j)] != 0f) nnz++;
            start[i + 1] = nnz;
        }
        int[] columns = new int[nnz];
        float[] values = new float[nnz];
        int t = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                float v = a[index.at(i, j)];
                if (v != 0f) {
                    columns[t] = j;
                    values[t++] = v;
                }
            }
        }
        return new CsrMatrix(rows, cols, start, columns, values);
    }

    public int rows() { return rows; }

    public int cols() { return cols; }

    /** Number of stored (non-zero) elements. */
    public int nonZeros() { return values.length; }

    /** Stored elements over all elements (1 for an empty shape). */
    public double density() {
        long all = (long) rows * cols;
        return all == 0 ? 1 : (double) values.length / all;
    }

    /** Bytes of the CSR encoding with 32-bit indices: values, column indices and rows + 1 row starts. */
    public long bytes() {
        return 4L * values.length + 4L * columns.length + 4L * (rows + 1);
    }

    int[] rowStart() { return rowStart; }

    int[] columns() { return columns; }

    float[] values() { return values; }

    /** The dense row-major {@code rows x cols} matrix. */
    public float[] toDense() {
        float[] out = new float[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int t = rowStart[i]; t < rowStart[i + 1]; t++) out[i * cols + columns[t]] = values[t];
        }
        return out;
    }

    @Override public String toString() {
        return "CsrMatrix[" + rows + "x" + cols + ", " + values.length + " non-zeros]";
    }

    @Override public boolean equals(Object o) {
        return o instanceof CsrMatrix m && rows == m.rows && cols == m.cols && Arrays.equals(rowStart, m.rowStart)
                && Arrays.equals(columns, m.columns) && Arrays.equals(values, m.values);
    }

    @Override public int hashCode() {
        return Objects.hash(rows, cols, Arrays.hashCode(columns), Arrays.hashCode(values));
    }
}
