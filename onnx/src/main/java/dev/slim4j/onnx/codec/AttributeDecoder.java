package dev.slim4j.onnx.codec;

import dev.slim4j.ir.AttributeValue;
import dev.slim4j.ir.Graph;
import dev.slim4j.ir.RawFields;
import dev.slim4j.onnx.wire.ProtoReader;
import dev.slim4j.onnx.wire.WireType;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * AttributeProto to {@link AttributeValue}. Sparse tensors, type protos and string tensors are
 * kept whole as {@link AttributeValue.Encoded}. When the type field is missing (old files), the
 * kind is taken from the value field that is present.
 */
final class AttributeDecoder {
    private AttributeDecoder() {}

    record Named(String name, AttributeValue value) {}

    static Named decode(ProtoReader.Span span, DecodeContext ctx, String node) {
        Parsed p = new Parsed(span.reader("AttributeProto"));
        String where = "attribute '" + p.name + "' of node " + node;
        if (p.name.isEmpty()) throw p.r.error("attribute of node " + node + " has no name");
        int type = p.type != 0 ? p.type : p.inferType(where);
        AttributeValue v = switch (type) {
            case Fields.Attribute.FLOAT -> new AttributeValue.Float(p.f);
            case Fields.Attribute.INT -> new AttributeValue.Int(p.i);
            case Fields.Attribute.STRING -> new AttributeValue.Str(p.s == null ? "" : p.s.string());
            case Fields.Attribute.TENSOR -> tensor(p, span, ctx, where);
            case Fields.Attribute.GRAPH -> new AttributeValue.GraphValue(graph(p.g, ctx, where));
            case Fields.Attribute.FLOATS_TYPE -> floats(p.floats);
            case Fields.Attribute.INTS_TYPE -> ints(p.ints);
            case Fields.Attribute.STRINGS_TYPE -> new AttributeValue.Strs(p.strings.stream().map(ProtoReader.Span::string).toList());
            case Fields.Attribute.TENSORS_TYPE -> tensors(p, span, ctx, where);
            case Fields.Attribute.GRAPHS_TYPE -> new AttributeValue.Graphs(p.graphs.stream().map(g -> graph(g, ctx, where)).toList());
            case Fields.Attribute.SPARSE_TENSOR, Fields.Attribute.SPARSE_TENSORS, Fields.Attribute.TYPE_PROTO,
                    Fields.Attribute.TYPE_PROTOS -> encoded(span);
            default -> throw p.r.error(where + ": type " + type + " is unknown, expected 1..14");
        };
        return new Named(p.name, v);
    }

    private static AttributeValue tensor(Parsed p, ProtoReader.Span span, DecodeContext ctx, String where) {
        if (p.t == null) throw p.r.error(where + ": type TENSOR but field t is missing");
        if (TensorDecoder.dataType(p.t) == DType.STRING.onnxCode()) return encoded(span);
        return new AttributeValue.TensorValue(TensorDecoder.decode(p.t, ctx).tensor());
    }

    private static AttributeValue tensors(Parsed p, ProtoReader.Span span, DecodeContext ctx, String where) {
        List<Tensor> out = new ArrayList<>();
        for (ProtoReader.Span t : p.tensors) {
            if (TensorDecoder.dataType(t) == DType.STRING.onnxCode()) return encoded(span);
            out.add(TensorDecoder.decode(t, ctx).tensor());
        }
        return new AttributeValue.Tensors(out);
    }

    private static Graph graph(ProtoReader.Span g, DecodeContext ctx, String where) {
        if (g == null) throw new dev.slim4j.onnx.ModelFormatException(where + ": type GRAPH but field g is missing");
        return GraphDecoder.decode(g, ctx.nested(where));
    }

    private static AttributeValue encoded(ProtoReader.Span span) { return new AttributeValue.Encoded(RawFields.of(span.copy())); }

    private static AttributeValue floats(RepeatedNumbers r) {
        Float[] out = new Float[(int) r.count()];
        r.forEach((i, v) -> out[i] = Float.intBitsToFloat((int) v));
        return new AttributeValue.Floats(List.of(out));
    }

    private static AttributeValue ints(RepeatedNumbers r) {
        Long[] out = new Long[(int) r.count()];
        r.forEach((i, v) -> out[i] = v);
        return new AttributeValue.Ints(List.of(out));
    }

    /** The fields of one AttributeProto, read in one pass. */
    private static final class Parsed {
        final ProtoReader r;
        String name = "";
        int type;
        float f;
        long i;
        boolean hasF, hasI;
        ProtoReader.Span s, t, g;
        boolean other;
        final RepeatedNumbers floats = new RepeatedNumbers("floats", WireType.FIXED32);
        final RepeatedNumbers ints = new RepeatedNumbers("ints", WireType.VARINT);
        final List<ProtoReader.Span> strings = new ArrayList<>();
        final List<ProtoReader.Span> tensors = new ArrayList<>();
        final List<ProtoReader.Span> graphs = new ArrayList<>();

        Parsed(ProtoReader r) {
            this.r = r;
            while (r.hasMore()) {
                r.next();
                field();
            }
        }

        private void field() {
            switch (r.field()) {
                case Fields.Attribute.NAME -> name = r.string("name");
                case Fields.Attribute.TYPE -> type = r.int32("type");
                case Fields.Attribute.F -> { f = r.float32("f"); hasF = true; }
                case Fields.Attribute.I -> { i = r.varint("i"); hasI = true; }
                case Fields.Attribute.S -> s = r.span("s");
                case Fields.Attribute.T -> t = r.span("t");
                case Fields.Attribute.G -> g = r.span("g");
                case Fields.Attribute.FLOATS -> floats.add(r);
                case Fields.Attribute.INTS -> ints.add(r);
                case Fields.Attribute.STRINGS -> strings.add(r.span("strings"));
                case Fields.Attribute.TENSORS -> tensors.add(r.span("tensors"));
                case Fields.Attribute.GRAPHS -> graphs.add(r.span("graphs"));
                case 14, 15, 22, 23 -> { other = true; r.skipValue(); }
                default -> r.skipValue();
            }
        }

        int inferType(String where) {
            if (hasF) return Fields.Attribute.FLOAT;
            if (hasI) return Fields.Attribute.INT;
            if (s != null) return Fields.Attribute.STRING;
            if (t != null) return Fields.Attribute.TENSOR;
            if (g != null) return Fields.Attribute.GRAPH;
            if (!floats.isEmpty()) return Fields.Attribute.FLOATS_TYPE;
            if (!ints.isEmpty()) return Fields.Attribute.INTS_TYPE;
            if (!strings.isEmpty()) return Fields.Attribute.STRINGS_TYPE;
            if (!tensors.isEmpty()) return Fields.Attribute.TENSORS_TYPE;
            if (!graphs.isEmpty()) return Fields.Attribute.GRAPHS_TYPE;
            if (other) return Fields.Attribute.TYPE_PROTO;
            throw r.error(where + " has neither a type nor a value");
        }
    }
}
