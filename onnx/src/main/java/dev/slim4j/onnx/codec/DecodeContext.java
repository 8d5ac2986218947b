package dev.slim4j.onnx.codec;

import dev.slim4j.onnx.ModelFormatException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a decoder needs besides the bytes: the model's opset imports (for op factories), the folder
 * external data is resolved against (absent when reading from memory), and the nesting depth of
 * graphs, which is capped so hostile files cannot exhaust the stack.
 */
public record DecodeContext(Map<String, Long> opsets, Optional<Path> folder, int depth) {
    /** Deepest nesting of graphs inside attributes (If, Loop, Scan bodies) that is accepted. */
    public static final int MAX_GRAPH_DEPTH = 32;

    public DecodeContext {
        opsets = Map.copyOf(opsets);
    }

    public static DecodeContext forTensor(Optional<Path> folder) { return new DecodeContext(Map.of(), folder, 0); }

    DecodeContext nested(String where) {
        if (depth + 1 > MAX_GRAPH_DEPTH) {
            throw new ModelFormatException("graphs nested deeper than " + MAX_GRAPH_DEPTH + " levels (at " + where + ")");
        }
        return new DecodeContext(opsets, folder, depth + 1);
    }

    /** The opset imported for {@code domain}; "" and "ai.onnx" are the same domain. */
    long opset(String domain, String node) {
        String d = domain.equals("ai.onnx") ? "" : domain;
        Long v = opsets.get(d);
        if (v == null && d.isEmpty()) v = opsets.get("ai.onnx");
        if (v == null) {
            throw new ModelFormatException("node " + node + " uses domain '" + (d.isEmpty() ? "ai.onnx" : d)
                    + "' but the model imports no opset for it, expected one of " + opsets.keySet());
        }
        return v;
    }
}
