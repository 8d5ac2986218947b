package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The opset-versioned importer table: (domain, op type) to since-version to factory. The factory
 * for a node is the one with the greatest since-version not above the model's opset.
 */
public final class OpTable {
    private final Map<String, NavigableMap<Long, OpFactory>> table = new HashMap<>();

    /** Registers {@code factory} for {@code opType} in {@code domain} from opset {@code sinceVersion} on. */
    public OpTable register(String domain, String opType, long sinceVersion, OpFactory factory) {
        table.computeIfAbsent(key(domain, opType), k -> new TreeMap<>()).put(sinceVersion, factory);
        return this;
    }

    /** Registers in the default ONNX domain. */
    public OpTable register(String opType, long sinceVersion, OpFactory factory) {
        return register("", opType, sinceVersion, factory);
    }

    /** The factory in force at {@code opset}, if the op is known at that version. */
    public Optional<OpFactory> lookup(String domain, String opType, long opset) {
        NavigableMap<Long, OpFactory> versions = table.get(key(domain, opType));
        if (versions == null) return Optional.empty();
        Map.Entry<Long, OpFactory> e = versions.floorEntry(opset);
        return e == null ? Optional.empty() : Optional.of(e.getValue());
    }

    public boolean knows(String domain, String opType) { return table.containsKey(key(domain, opType)); }

    public Op create(String domain, String opType, long opset, Attributes attributes) {
        return lookup(domain, opType, opset)
                .map(f -> f.create(attributes, opset))
                .orElseGet(() -> new OpaqueOp(domain, opType, attributes));
    }

    private static String key(String domain, String opType) {
        return (domain.equals("ai.onnx") ? "" : domain) + "::" + opType;
    }
}
