package dev.slim4j.onnx.codec;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.RawFields;
import dev.slim4j.onnx.ModelFormatException;
import dev.slim4j.onnx.wire.ProtoReader;
import dev.slim4j.onnx.wire.ProtoWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * ModelProto to {@link Model}. The graph is decoded last, once the opset imports are known (they
 * follow it in the usual field order). Training info, functions and unknown fields are kept raw.
 */
public final class ModelDecoder {
    private ModelDecoder() {}

    public static Model decode(byte[] bytes, Optional<Path> folder) {
        ProtoReader r = ProtoReader.of(bytes, "ModelProto");
        LinkedHashMap<String, Long> opsets = new LinkedHashMap<>();
        LinkedHashMap<String, String> metadata = new LinkedHashMap<>();
        ProtoWriter raw = new ProtoWriter();
        ProtoReader.Span graph = null;
        long irVersion = 0, modelVersion = 0;
        String producer = "", producerVersion = "", domain = "", doc = "";
        while (r.hasMore()) {
            r.next();
            switch (r.field()) {
                case Fields.Model.IR_VERSION -> irVersion = r.varint("ir_version");
                case Fields.Model.PRODUCER_NAME -> producer = r.string("producer_name");
                case Fields.Model.PRODUCER_VERSION -> producerVersion = r.string("producer_version");
                case Fields.Model.DOMAIN -> domain = r.string("domain");
                case Fields.Model.MODEL_VERSION -> modelVersion = r.varint("model_version");
                case Fields.Model.DOC_STRING -> doc = r.string("doc_string");
                case Fields.Model.GRAPH -> graph = r.span("graph");
                case Fields.Model.OPSET_IMPORT -> opset(r.message("opset_import", "OperatorSetIdProto"), opsets);
                case Fields.Model.METADATA_PROPS -> entry(r.message("metadata_props", "StringStringEntryProto"), metadata);
                default -> raw.raw(r.skipRaw());
            }
        }
        if (graph == null) throw new ModelFormatException("ModelProto has no graph (field 7); is this an ONNX model file?");
        Graph g = GraphDecoder.decode(graph, new DecodeContext(opsets, folder, 0));
        return new Model(g, irVersion, opsets, producer, producerVersion, domain, modelVersion, doc, metadata,
                RawFields.of(raw.toByteArray()));
    }

    private static void opset(ProtoReader r, LinkedHashMap<String, Long> opsets) {
        String domain = "";
        long version = 0;
        while (r.hasMore()) {
            r.next();
            switch (r.field()) {
                case Fields.OpsetId.DOMAIN -> domain = r.string("domain");
                case Fields.OpsetId.VERSION -> version = r.varint("version");
                default -> r.skipValue();
            }
        }
        if (opsets.put(domain, version) != null) {
            throw r.error("opset_import lists domain '" + domain + "' twice");
        }
    }

    static void entry(ProtoReader r, LinkedHashMap<String, String> into) {
        String key = "";
        String value = "";
        while (r.hasMore()) {
            r.next();
            switch (r.field()) {
                case Fields.Entry.KEY -> key = r.string("key");
                case Fields.Entry.VALUE -> value = r.string("value");
                default -> r.skipValue();
            }
        }
        into.put(key, value);
    }
}
