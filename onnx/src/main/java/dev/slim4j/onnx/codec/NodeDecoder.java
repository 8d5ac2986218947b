package dev.slim4j.onnx.codec;

import dev.slim4j.ir.AttributeValue;
import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.RawFields;
import dev.slim4j.ir.op.Op;
import dev.slim4j.ir.op.OpaqueOp;
import dev.slim4j.ir.op.Ops;
import dev.slim4j.ir.op.UnsupportedOpException;
import dev.slim4j.onnx.ModelFormatException;
import dev.slim4j.onnx.wire.ProtoReader;
import dev.slim4j.onnx.wire.ProtoWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * NodeProto to {@link Node}: the op record comes from {@link Ops#create} at the opset the model
 * imports for the node's domain. Fields the IR does not map (doc_string, overload, metadata) are
 * kept raw. An op slim4j models only in part falls back to {@link OpaqueOp}, so the model still loads.
 */
final class NodeDecoder {
    private NodeDecoder() {}

    static Node decode(ProtoReader r, DecodeContext ctx, int index) {
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        List<ProtoReader.Span> attributes = new ArrayList<>();
        String name = "";
        String opType = "";
        String domain = "";
        ProtoWriter raw = new ProtoWriter();
        while (r.hasMore()) {
            r.next();
            switch (r.field()) {
                case Fields.Node.INPUT -> inputs.add(r.string("input"));
                case Fields.Node.OUTPUT -> outputs.add(r.string("output"));
                case Fields.Node.NAME -> name = r.string("name");
                case Fields.Node.OP_TYPE -> opType = r.string("op_type");
                case Fields.Node.DOMAIN -> domain = r.string("domain");
                case Fields.Node.ATTRIBUTE -> attributes.add(r.span("attribute"));
                default -> raw.raw(r.skipRaw());
            }
        }
        String label = "#" + index + " '" + name + "' (" + opType + ")";
        if (opType.isEmpty()) throw new ModelFormatException("node " + label + " has no op_type");
        Attributes attrs = attributes(attributes, ctx, label);
        Op op = op(domain, opType, ctx.opset(domain, label), attrs, label);
        return new Node(name, op, inputs, outputs, RawFields.of(raw.toByteArray()));
    }

    private static Attributes attributes(List<ProtoReader.Span> spans, DecodeContext ctx, String label) {
        LinkedHashMap<String, AttributeValue> values = new LinkedHashMap<>();
        for (ProtoReader.Span s : spans) {
            AttributeDecoder.Named a = AttributeDecoder.decode(s, ctx, label);
            if (values.putIfAbsent(a.name(), a.value()) != null) {
                throw new ModelFormatException("node " + label + " has attribute '" + a.name() + "' twice");
            }
        }
        return new Attributes(values);
    }

    private static Op op(String domain, String opType, long opset, Attributes attrs, String label) {
        try {
            return Ops.create(domain, opType, opset, attrs);
        } catch (UnsupportedOpException e) {
            return new OpaqueOp(domain, opType, attrs);
        } catch (ModelFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            // attributes are untrusted: whatever an op factory rejects them with becomes a format error
            throw new ModelFormatException("node " + label + " at opset " + opset + ": " + e.getMessage(), e);
        }
    }
}
