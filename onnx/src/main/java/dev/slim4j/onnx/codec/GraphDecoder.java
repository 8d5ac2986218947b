package dev.slim4j.onnx.codec;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.RawFields;
import dev.slim4j.ir.Value;
import dev.slim4j.onnx.ModelFormatException;
import dev.slim4j.onnx.wire.ProtoReader;
import dev.slim4j.onnx.wire.ProtoWriter;

/**
 * GraphProto to {@link Graph}. Inputs and outputs must be tensors; value_info entries of other
 * kinds, sparse initializers, doc strings, quantization annotations and unknown fields are kept
 * raw and written back unchanged.
 */
public final class GraphDecoder {
    private GraphDecoder() {}

    public static Graph decode(ProtoReader.Span span, DecodeContext ctx) {
        ProtoReader r = span.reader("GraphProto");
        Graph.Builder b = Graph.builder("");
        ProtoWriter raw = new ProtoWriter();
        while (r.hasMore()) {
            r.next();
            switch (r.field()) {
                case Fields.Graph.NODE -> b.node(NodeDecoder.decode(r.message("node", "NodeProto"), ctx, b.nodes.size()));
                case Fields.Graph.NAME -> b.name(r.string("name"));
                case Fields.Graph.INITIALIZER -> initializer(b, TensorDecoder.decode(r.span("initializer"), ctx));
                case Fields.Graph.SPARSE_INITIALIZER -> initializer(b,
                        SparseInitializers.decode(r.span("sparse_initializer"), ctx));
                case Fields.Graph.INPUT -> b.input(value(r, "input"));
                case Fields.Graph.OUTPUT -> b.output(value(r, "output"));
                case Fields.Graph.VALUE_INFO -> valueInfo(b, r, raw);
                default -> raw.raw(r.skipRaw());
            }
        }
        return b.raw(RawFields.of(raw.toByteArray())).build();
    }

    private static void initializer(Graph.Builder b, TensorDecoder.Named t) {
        if (t.name().isEmpty()) throw new ModelFormatException("graph has an initializer without a name");
        if (b.initializers.putIfAbsent(t.name(), t.tensor()) != null) {
            throw new ModelFormatException("graph has two initializers named '" + t.name() + "'");
        }
    }

    private static Value value(ProtoReader r, String field) {
        TypeDecoder.ValueInfo vi = TypeDecoder.valueInfo(r.message(field, "ValueInfoProto"));
        if (vi.name().isEmpty()) throw r.error("graph " + field + " has no name");
        return new Value(vi.name(), vi.type().orElseThrow(() -> new ModelFormatException("graph " + field + " '"
                + vi.name() + "' has " + vi.kind() + ", expected a tensor type: non-tensor values are not supported (slim4j supports "
                + "tensors only)")));
    }

    private static void valueInfo(Graph.Builder b, ProtoReader r, ProtoWriter raw) {
        ProtoReader.Span s = r.span("value_info");
        TypeDecoder.ValueInfo vi = TypeDecoder.valueInfo(s.reader("ValueInfoProto"));
        if (vi.type().isPresent() && !vi.name().isEmpty()) {
            b.valueInfo(vi.name(), vi.type().get());
        } else {
            raw.bytes(Fields.Graph.VALUE_INFO, s.buf(), s.from(), s.length());
        }
    }
}
