package dev.slim4j.onnx.codec;

import dev.slim4j.ir.AttributeValue;
import dev.slim4j.ir.Graph;
import dev.slim4j.onnx.wire.ProtoWriter;
import dev.slim4j.tensor.Tensor;

/** {@link AttributeValue} to AttributeProto; {@link AttributeValue.Encoded} is written back as it was read. */
final class AttributeEncoder {
    private AttributeEncoder() {}

    static void encode(ProtoWriter node, String name, AttributeValue value, TensorEncoder.ExternalSink sink) {
        if (value instanceof AttributeValue.Encoded e) {
            node.bytes(Fields.Node.ATTRIBUTE, e.attributeProto().bytes());
            return;
        }
        ProtoWriter w = new ProtoWriter().string(Fields.Attribute.NAME, name);
        int type = switch (value) {
            case AttributeValue.Float f -> { w.float32(Fields.Attribute.F, f.value()); yield Fields.Attribute.FLOAT; }
            case AttributeValue.Int i -> { w.varint(Fields.Attribute.I, i.value()); yield Fields.Attribute.INT; }
            case AttributeValue.Str s -> { w.string(Fields.Attribute.S, s.value()); yield Fields.Attribute.STRING; }
            case AttributeValue.TensorValue t -> { w.message(Fields.Attribute.T, tensor(t.value())); yield Fields.Attribute.TENSOR; }
            case AttributeValue.GraphValue g -> { w.message(Fields.Attribute.G, graph(g.value(), sink)); yield Fields.Attribute.GRAPH; }
            case AttributeValue.Floats fs -> {
                for (float f : fs.values()) w.float32(Fields.Attribute.FLOATS, f);
                yield Fields.Attribute.FLOATS_TYPE;
            }
            case AttributeValue.Ints is -> {
                for (long i : is.values()) w.varint(Fields.Attribute.INTS, i);
                yield Fields.Attribute.INTS_TYPE;
            }
            case AttributeValue.Strs ss -> {
                for (String s : ss.values()) w.string(Fields.Attribute.STRINGS, s);
                yield Fields.Attribute.STRINGS_TYPE;
            }
            case AttributeValue.Tensors ts -> {
                for (Tensor t : ts.values()) w.message(Fields.Attribute.TENSORS, tensor(t));
                yield Fields.Attribute.TENSORS_TYPE;
            }
            case AttributeValue.Graphs gs -> {
                for (Graph g : gs.values()) w.message(Fields.Attribute.GRAPHS, graph(g, sink));
                yield Fields.Attribute.GRAPHS_TYPE;
            }
            case AttributeValue.Encoded e -> throw new IllegalStateException("handled above");
        };
        w.varint(Fields.Attribute.TYPE, type);
        node.message(Fields.Node.ATTRIBUTE, w);
    }

    private static ProtoWriter tensor(Tensor t) { return TensorEncoder.encode("", t, TensorEncoder.ExternalSink.NONE); }

    private static ProtoWriter graph(Graph g, TensorEncoder.ExternalSink sink) { return GraphEncoder.encode(g, sink); }
}
