package dev.slim4j.ir;

import dev.slim4j.tensor.Tensor;
import java.util.List;

/** A typed attribute value, one case per ONNX attribute kind. */
public sealed interface AttributeValue {
    record Int(long value) implements AttributeValue {}

    record Float(float value) implements AttributeValue {}

    /** ONNX strings are bytes; slim4j reads them as UTF-8. */
    record Str(String value) implements AttributeValue {}

    record TensorValue(Tensor value) implements AttributeValue {}

    record GraphValue(Graph value) implements AttributeValue {}

    record Ints(List<Long> values) implements AttributeValue {
        public Ints { values = List.copyOf(values); }
    }

    record Floats(List<java.lang.Float> values) implements AttributeValue {
        public Floats { values = List.copyOf(values); }
    }

    record Strs(List<String> values) implements AttributeValue {
        public Strs { values = List.copyOf(values); }
    }

    record Tensors(List<Tensor> values) implements AttributeValue {
        public Tensors { values = List.copyOf(values); }
    }

    record Graphs(List<Graph> values) implements AttributeValue {
        public Graphs { values = List.copyOf(values); }
    }

    /**
     * An attribute kind slim4j does not model (sparse tensors, type protos), kept as its encoded
     * AttributeProto so it is written back unchanged.
     */
    record Encoded(RawFields attributeProto) implements AttributeValue {}

    static AttributeValue of(long v) { return new Int(v); }

    static AttributeValue of(float v) { return new Float(v); }

    static AttributeValue of(String v) { return new Str(v); }

    static AttributeValue of(Tensor v) { return new TensorValue(v); }

    static AttributeValue ints(List<Long> v) { return new Ints(v); }

    static AttributeValue ints(long... v) {
        return new Ints(java.util.Arrays.stream(v).boxed().toList());
    }

    static AttributeValue floats(List<java.lang.Float> v) { return new Floats(v); }
}
