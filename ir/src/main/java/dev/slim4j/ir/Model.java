package dev.slim4j.ir;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.SequencedMap;

/**
 * A graph with its file-level context: ONNX IR version, opset imports (domain to version, "" being
 * the default ONNX domain), producer, and metadata properties (slim4j records provenance there).
 */
public record Model(
        Graph graph,
        long irVersion,
        SequencedMap<String, Long> opsetImports,
        String producerName,
        String producerVersion,
        String domain,
        long modelVersion,
        String docString,
        SequencedMap<String, String> metadata,
        RawFields raw) {

    /** The default ONNX opset slim4j writes for graphs it builds. */
    public static final long DEFAULT_OPSET = 17;
    /** The ONNX IR version matching {@link #DEFAULT_OPSET}. */
    public static final long DEFAULT_IR_VERSION = 8;

    public Model {
        opsetImports = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(opsetImports));
        metadata = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(metadata));
        if (producerName == null) producerName = "";
        if (producerVersion == null) producerVersion = "";
        if (domain == null) domain = "";
        if (docString == null) docString = "";
        if (raw == null) raw = RawFields.EMPTY;
    }

    /** A model as slim4j writes it: default opset, producer "slim4j", no metadata. */
    public static Model of(Graph graph) {
        LinkedHashMap<String, Long> opsets = new LinkedHashMap<>();
        opsets.put("", DEFAULT_OPSET);
        return new Model(graph, DEFAULT_IR_VERSION, opsets, "slim4j", "0.1.0", "", 0, "",
                new LinkedHashMap<>(), RawFields.EMPTY);
    }

    /** The opset version imported for {@code opDomain} ("" and "ai.onnx" are the same domain). */
    public long opset(String opDomain) {
        String d = opDomain.equals("ai.onnx") ? "" : opDomain;
        Long v = opsetImports.get(d);
        if (v == null && d.isEmpty()) v = opsetImports.get("ai.onnx");
        if (v == null) throw new IllegalArgumentException("model imports no opset for domain '" + opDomain
                + "', it imports " + opsetImports.keySet());
        return v;
    }

    public Model withGraph(Graph g) {
        return new Model(g, irVersion, opsetImports, producerName, producerVersion, domain, modelVersion,
                docString, metadata, raw);
    }

    public Model withMetadata(String key, String value) {
        LinkedHashMap<String, String> m = new LinkedHashMap<>(metadata);
        m.put(key, value);
        return new Model(graph, irVersion, opsetImports, producerName, producerVersion, domain, modelVersion,
                docString, m, raw);
    }
}
