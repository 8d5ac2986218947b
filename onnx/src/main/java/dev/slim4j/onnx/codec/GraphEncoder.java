package dev.slim4j.onnx.codec;

import dev.slim4j.ir.AttributeValue;
import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.TensorType;
import dev.slim4j.ir.Value;
import dev.slim4j.ir.op.Op;
import dev.slim4j.onnx.wire.ProtoWriter;
import dev.slim4j.tensor.Tensor;
import java.util.Map;

/** {@link Graph} and {@link Node} to GraphProto and NodeProto, raw fields appended unchanged. */
public final class GraphEncoder {
    private GraphEncoder() {}

    public static ProtoWriter encode(Graph g, TensorEncoder.ExternalSink sink) {
        return encode(g, sink, -1);
    }

    /** As above; float initializers of density at most {@code sparseMaxDensity} go to sparse_initializer. */
    public static ProtoWriter encode(Graph g, TensorEncoder.ExternalSink sink, double sparseMaxDensity) {
        ProtoWriter w = new ProtoWriter();
        for (Node n : g.nodes()) w.message(Fields.Graph.NODE, node(n, sink));
        w.stringIfNotEmpty(Fields.Graph.NAME, g.name());
        for (Map.Entry<String, Tensor> e : g.initializers().entrySet()) {
            if (SparseInitializers.writesSparse(e.getValue(), sparseMaxDensity)) continue;
            w.message(Fields.Graph.INITIALIZER, TensorEncoder.encode(e.getKey(), e.getValue(), sink));
        }
        for (Map.Entry<String, Tensor> e : g.initializers().entrySet()) {
            if (!SparseInitializers.writesSparse(e.getValue(), sparseMaxDensity)) continue;
            w.message(Fields.Graph.SPARSE_INITIALIZER, SparseInitializers.encode(e.getKey(), e.getValue(), sink));
        }
        for (Value v : g.inputs()) w.message(Fields.Graph.INPUT, TypeEncoder.valueInfo(v.name(), v.type()));
        for (Value v : g.outputs()) w.message(Fields.Graph.OUTPUT, TypeEncoder.valueInfo(v.name(), v.type()));
        for (Map.Entry<String, TensorType> e : g.valueInfo().entrySet()) {
            w.message(Fields.Graph.VALUE_INFO, TypeEncoder.valueInfo(e.getKey(), e.getValue()));
        }
        return w.raw(g.raw().bytes());
    }

    static ProtoWriter node(Node n, TensorEncoder.ExternalSink sink) {
        ProtoWriter w = new ProtoWriter();
        for (String in : n.inputs()) w.string(Fields.Node.INPUT, in);
        for (String out : n.outputs()) w.string(Fields.Node.OUTPUT, out);
        w.stringIfNotEmpty(Fields.Node.NAME, n.name());
        Op op = n.op();
        w.string(Fields.Node.OP_TYPE, op.opType());
        for (Map.Entry<String, AttributeValue> a : op.attributes().values().entrySet()) {
            AttributeEncoder.encode(w, a.getKey(), a.getValue(), sink);
        }
        w.stringIfNotEmpty(Fields.Node.DOMAIN, op.domain());
        return w.raw(n.raw().bytes());
    }
}
