package dev.slim4j.kernels;

import java.util.Objects;

/**
 * What a kernel does to each result {@code v} at (row, col) of its m x n output C before storing it:
 * {@code activation(v + bias + residual)}. The bias is per row ({@code bias[biasOffset + row]}, e.g. a conv output
 * channel) or per column ({@code bias[biasOffset + col]}, e.g. a fully connected layer over a batch), or absent.
 * The optional residual is a second array of C's shape: {@code residual[residualOffset + row*residualLd + col]}.
 */
public record Epilogue(Axis biasAxis, float[] bias, int biasOffset, Activation activation,
                       float[] residual, int residualOffset, int residualLd) {
    private static final Epilogue NONE = new Epilogue(Axis.NONE, null, 0, Activation.none(), null, 0, 0);

    /** Which index of C selects the bias element. */
    public enum Axis { NONE, ROW, COLUMN }

    public Epilogue {
        Objects.requireNonNull(biasAxis, "biasAxis");
        Objects.requireNonNull(activation, "activation");
        if ((biasAxis == Axis.NONE) != (bias == null)) {
            throw new IllegalArgumentException("expected a bias array exactly when biasAxis != NONE, found axis "
                    + biasAxis + " and bias " + (bias == null ? "null" : "float[" + bias.length + "]"));
        }
        if (biasOffset < 0 || residualOffset < 0 || residualLd < 0) {
            throw new IllegalArgumentException("expected biasOffset, residualOffset, residualLd >= 0, found "
                    + biasOffset + ", " + residualOffset + ", " + residualLd);
        }
    }

    public static Epilogue none() {
        return NONE;
    }

    public static Epilogue rowBias(float[] bias, int offset) {
        return new Epilogue(Axis.ROW, Objects.requireNonNull(bias, "bias"), offset, Activation.none(), null, 0, 0);
    }

    public static Epilogue columnBias(float[] bias, int offset) {
        return new Epilogue(Axis.COLUMN, Objects.requireNonNull(bias, "bias"), offset, Activation.none(),
                null, 0, 0);
    }

    /** This epilogue with {@code activation} applied last. */
    public Epilogue withActivation(Activation value) {
        return new Epilogue(biasAxis, bias, biasOffset, value, residual, residualOffset, residualLd);
    }

    /** This epilogue with ReLU as its activation (or none when {@code enabled} is false). */
    public Epilogue withRelu(boolean enabled) {
        return withActivation(enabled ? Activation.relu() : Activation.none());
    }

    /** This epilogue adding {@code residual[offset + row*ld + col]} before the activation (null: no residual). */
    public Epilogue withResidual(float[] values, int offset, int ld) {
        return new Epilogue(biasAxis, bias, biasOffset, activation, values, offset, ld);
    }

    /** Whether the activation is ReLU. */
    public boolean relu() {
        return activation instanceof Activation.Relu;
    }

    /** Whether this epilogue changes anything. */
    public boolean isIdentity() {
        return biasAxis == Axis.NONE && residual == null && activation.isNone();
    }

    /** The scalar definition: the value stored at (row, col) given the kernel's result {@code v}. */
    public float apply(float v, int row, int col) {
        float r = switch (biasAxis) {
            case NONE -> v;
            case ROW -> v + bias[biasOffset + row];
            case COLUMN -> v + bias[biasOffset + col];
        };
        if (residual != null) {
            r += residual[residualOffset + row * residualLd + col];
        }
        return activation.apply(r);
    }

    /** The same epilogue for the sub-matrix starting at row {@code row0} and column {@code col0}. */
    Epilogue shift(int row0, int col0) {
        if (biasAxis == Axis.NONE && residual == null) {
            return this;
        }
        int shiftedBias = switch (biasAxis) {
            case NONE -> biasOffset;
            case ROW -> biasOffset + row0;
            case COLUMN -> biasOffset + col0;
        };
        int shiftedResidual = residual == null ? residualOffset : residualOffset + row0 * residualLd + col0;
        return new Epilogue(biasAxis, bias, shiftedBias, activation, residual, shiftedResidual, residualLd);
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
        if (residual != null && m > 0 && n > 0) {
            if (residualLd < n) {
                throw new IllegalArgumentException("expected residualLd >= " + n + ", found " + residualLd);
            }
            long end = residualOffset + (long) (m - 1) * residualLd + n;
            if (end > residual.length) {
                throw new IndexOutOfBoundsException("expected a residual of " + m + " x " + n + " (ld " + residualLd
                        + ", offset " + residualOffset + "), found float[" + residual.length + "]");
            }
        }
    }
}
