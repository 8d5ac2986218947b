package dev.slim4j.kernels;

import java.util.Objects;

/**
 * What a GEMM does to each result after {@code alpha*A*B + beta*C}: add a bias per row (one value per row of C,
 * e.g. a conv output channel) or per column (e.g. a fully connected layer over a batch of rows), then an optional
 * ReLU. Bias element for row {@code i} (or column {@code j}) is {@code bias[biasOffset + i]}.
 */
public record Epilogue(Axis biasAxis, float[] bias, int biasOffset, boolean relu) {
    private static final Epilogue NONE = new Epilogue(Axis.NONE, null, 0, false);

    /** Which index of C selects the bias element. */
    public enum Axis { NONE, ROW, COLUMN }

    public Epilogue {
        Objects.requireNonNull(biasAxis, "biasAxis");
        if ((biasAxis == Axis.NONE) != (bias == null)) {
            throw new IllegalArgumentException("expected a bias array exactly when biasAxis != NONE, found axis "
                    + biasAxis + " and bias " + (bias == null ? "null" : "float[" + bias.length + "]"));
        }
        if (biasOffset < 0) {
            throw new IllegalArgumentException("expected biasOffset >= 0, found " + biasOffset);
        }
    }

    public static Epilogue none() {
        return NONE;
    }

    public static Epilogue rowBias(float[] bias, int offset) {
        return new Epilogue(Axis.ROW, Objects.requireNonNull(bias, "bias"), offset, false);
    }

    public static Epilogue columnBias(float[] bias, int offset) {
        return new Epilogue(Axis.COLUMN, Objects.requireNonNull(bias, "bias"), offset, false);
    }

    public Epilogue withRelu(boolean enabled) {
        return new Epilogue(biasAxis, bias, biasOffset, enabled);
    }

    /** Whether this epilogue changes anything. */
    public boolean isIdentity() {
        return biasAxis == Axis.NONE && !relu;
    }

    /** The scalar definition: the value stored at (row, col) given the GEMM result {@code v}. */
    public float apply(float v, int row, int col) {
        float r = switch (biasAxis) {
            case NONE -> v;
            case ROW -> v + bias[biasOffset + row];
            case COLUMN -> v + bias[biasOffset + col];
        };
        return relu ? Math.max(r, 0f) : r;
    }

    /** The same epilogue for the sub-matrix starting at row {@code row0} and column {@code col0}. */
    Epilogue shift(int row0, int col0) {
        return switch (biasAxis) {
            case NONE -> this;
            case ROW -> new Epilogue(biasAxis, bias, biasOffset + row0, relu);
            case COLUMN -> new Epilogue(biasAxis, bias, biasOffset + col0, relu);
        };
    }

    void checkFits(int m, int n) {
        int needed = switch (biasAxis) {
            case NONE -> 0;
            case ROW -> m;
            case COLUMN -> n;
        };
        if (bias != null && needed > 0 && biasOffset + (long) needed > bias.length) {
            throw new IndexOutOfBoundsException("expected a " + biasAxis + " bias of " + needed + " floats from offset "
                    + biasOffset + ", found float[" + bias.length + "]");
        }
    }
}
