package dev.slim4j.ir;

import dev.slim4j.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;

/**
 * The attributes of a node, in file order, with typed getters that fail with a clear message when
 * an attribute has the wrong kind. This is the form ONNX stores; op records parse it once.
 */
public record Attributes(SequencedMap<String, AttributeValue> values) {
    public static final Attributes EMPTY = new Attributes(new LinkedHashMap<>());

    public Attributes {
        values = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(values));
    }

    public static Builder builder() { return new Builder(); }

    public boolean has(String name) { return values.containsKey(name); }

    public Optional<AttributeValue> get(String name) { return Optional.ofNullable(values.get(name)); }

    public long getInt(String name, long defaultValue) { return optInt(name).orElse(defaultValue); }

    public Optional<Long> optInt(String name) { return typed(name, AttributeValue.Int.class).map(AttributeValue.Int::value); }

    public long requireInt(String name) { return optInt(name).orElseThrow(() -> missing(name)); }

    public float getFloat(String name, float defaultValue) {
        return typed(name, AttributeValue.Float.class).map(AttributeValue.Float::value).orElse(defaultValue);
    }

    public Optional<java.lang.Float> optFloat(String name) {
        return typed(name, AttributeValue.Float.class).map(AttributeValue.Float::value);
    }

    public String getString(String name, String defaultValue) {
        return typed(name, AttributeValue.Str.class).map(AttributeValue.Str::value).orElse(defaultValue);
    }

    public Optional<String> optString(String name) {
        return typed(name, AttributeValue.Str.class).map(AttributeValue.Str::value);
    }

    public Optional<List<Long>> optInts(String name) {
        return typed(name, AttributeValue.Ints.class).map(AttributeValue.Ints::values);
    }

    public List<Long> getInts(String name, List<Long> defaultValue) { return optInts(name).orElse(defaultValue); }

    public Optional<List<java.lang.Float>> optFloats(String name) {
        return typed(name, AttributeValue.Floats.class).map(AttributeValue.Floats::values);
    }

    public Optional<List<String>> optStrings(String name) {
        return typed(name, AttributeValue.Strs.class).map(AttributeValue.Strs::values);
    }

    public Optional<Tensor> optTensor(String name) {
        return typed(name, AttributeValue.TensorValue.class).map(AttributeValue.TensorValue::value);
    }

    public Optional<Graph> optGraph(String name) {
        return typed(name, AttributeValue.GraphValue.class).map(AttributeValue.GraphValue::value);
    }

    /** A copy with one attribute set (replacing any previous value). */
    public Attributes with(String name, AttributeValue value) {
        LinkedHashMap<String, AttributeValue> m = new LinkedHashMap<>(values);
        m.put(name, value);
        return new Attributes(m);
    }

    public Attributes without(String name) {
        LinkedHashMap<String, AttributeValue> m = new LinkedHashMap<>(values);
        m.remove(name);
        return new Attributes(m);
    }

    private <T extends AttributeValue> Optional<T> typed(String name, Class<T> kind) {
        AttributeValue v = values.get(name);
        if (v == null) return Optional.empty();
        if (!kind.isInstance(v)) {
            throw new IllegalArgumentException("attribute '" + name + "' should be " + kind.getSimpleName()
                    + " but is " + v.getClass().getSimpleName());
        }
        return Optional.of(kind.cast(v));
    }

    private static IllegalArgumentException missing(String name) {
        return new IllegalArgumentException("required attribute '" + name + "' is missing");
    }

    /** Builds attributes in insertion order; {@code null} values and empty optionals are skipped. */
    public static final class Builder {
        private final LinkedHashMap<String, AttributeValue> m = new LinkedHashMap<>();

        public Builder put(String name, AttributeValue v) {
            if (v != null) m.put(name, v);
            return this;
        }

        public Builder put(String name, long v) { return put(name, AttributeValue.of(v)); }

        public Builder put(String name, float v) { return put(name, AttributeValue.of(v)); }

        public Builder put(String name, String v) { return v == null ? this : put(name, AttributeValue.of(v)); }

        public Builder putInts(String name, List<Long> v) { return v == null ? this : put(name, AttributeValue.ints(v)); }

        public Builder putFloats(String name, List<java.lang.Float> v) {
            return v == null ? this : put(name, AttributeValue.floats(v));
        }

        public Builder put(String name, Tensor v) { return v == null ? this : put(name, AttributeValue.of(v)); }

        public Attributes build() { return new Attributes(m); }
    }

    public static Attributes of(Map<String, AttributeValue> values) { return new Attributes(new LinkedHashMap<>(values)); }
}
