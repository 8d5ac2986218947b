package dev.slim4j.compress.quant;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.SequencedMap;

/**
 * The calibration result: per activation value, its range and quantization parameters, with the
 * method and activation scheme that made them. {@link ScaleFile} writes and reads it as JSON.
 */
public record ScaleTable(String method, QuantSpec activations, SequencedMap<String, TensorScale> tensors) {
    public ScaleTable {
        tensors = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(tensors));
    }

    /** No activation scales: what weight-only and dynamic quantization convert with. */
    public static ScaleTable empty(QuantSpec activations) { return new ScaleTable("none", activations, new LinkedHashMap<>()); }

    /** The scale of {@code value}; fails naming the known values. */
    public TensorScale get(String value) {
        TensorScale s = tensors.get(value);
        if (s == null) {
            throw new IllegalArgumentException("no scale for activation '" + value + "' in the scale table, it holds "
                    + tensors.keySet());
        }
        return s;
    }
}
