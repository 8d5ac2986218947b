package dev.slim4j.onnx.codec;

import dev.slim4j.ir.Model;
import dev.slim4j.onnx.wire.ProtoWriter;
import java.util.Map;

/** {@link Model} to ModelProto bytes; fields kept raw on read are appended unchanged. */
public final class ModelEncoder {
    private ModelEncoder() {}

    public static byte[] encode(Model m, TensorEncoder.ExternalSink sink) {
        return encode(m, sink, -1);
    }

    /** As above, writing float initializers of density at most {@code sparseMaxDensity} as sparse_initializer. */
    public static byte[] encode(Model m, TensorEncoder.ExternalSink sink, double sparseMaxDensity) {
        ProtoWriter w = new ProtoWriter();
        w.varintIfNonZero(Fields.Model.IR_VERSION, m.irVersion());
        w.stringIfNotEmpty(Fields.Model.PRODUCER_NAME, m.producerName());
        w.stringIfNotEmpty(Fields.Model.PRODUCER_VERSION, m.producerVersion());
        w.stringIfNotEmpty(Fields.Model.DOMAIN, m.domain());
        w.varintIfNonZero(Fields.Model.MODEL_VERSION, m.modelVersion());
        w.stringIfNotEmpty(Fields.Model.DOC_STRING, m.docString());
        w.message(Fields.Model.GRAPH, GraphEncoder.encode(m.graph(), sink, sparseMaxDensity));
        for (Map.Entry<String, Long> e : m.opsetImports().entrySet()) {
            ProtoWriter id = new ProtoWriter().stringIfNotEmpty(Fields.OpsetId.DOMAIN, e.getKey());
            w.message(Fields.Model.OPSET_IMPORT, id.varint(Fields.OpsetId.VERSION, e.getValue()));
        }
        for (Map.Entry<String, String> e : m.metadata().entrySet()) {
            ProtoWriter entry = new ProtoWriter().string(Fields.Entry.KEY, e.getKey()).string(Fields.Entry.VALUE, e.getValue());
            w.message(Fields.Model.METADATA_PROPS, entry);
        }
        return w.raw(m.raw().bytes()).toByteArray();
    }
}
