package dev.slim4j.cli.inspect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The external-data file names an ONNX model's initializers point to (TensorProto.external_data
 * entries with key "location"), found by walking just enough of the protobuf encoding: ModelProto
 * field 7 (graph), GraphProto field 5 (initializer), TensorProto field 13 (external_data),
 * StringStringEntryProto fields 1 (key) and 2 (value). Used to count bytes on disk.
 */
final class ExternalDataFiles {
    private final byte[] b;
    private int pos;

    private ExternalDataFiles(byte[] b) { this.b = b; }

    /** Total size of the model file and of the distinct external files it names that exist in its folder. */
    static long bytesOnDisk(Path model) throws IOException {
        long total = Files.size(model);
        Path dir = model.toAbsolutePath().getParent();
        for (String name : locations(Files.readAllBytes(model))) {
            Path f = dir.resolve(name).normalize();
            if (f.startsWith(dir) && Files.isRegularFile(f)) total += Files.size(f);
        }
        return total;
    }

    static Set<String> locations(byte[] model) {
        Set<String> out = new LinkedHashSet<>();
        try {
            new ExternalDataFiles(model).scan(0, model.length, 0, out);
        } catch (RuntimeException e) {
            // a malformed file: the reader reports it; the size on disk falls back to what was found
        }
        return out;
    }

    /** depth 0: ModelProto, 1: GraphProto, 2: TensorProto, 3: StringStringEntryProto. */
    private void scan(int from, int to, int depth, Set<String> out) {
        pos = from;
        String key = null;
        String value = null;
        while (pos < to) {
            long tag = varint();
            int field = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            if (wire != 2) {
                skip(wire);
                continue;
            }
            int len = (int) varint();
            int start = pos;
            int end = Math.addExact(start, len);
            if (end > to || len < 0) throw new IllegalStateException("truncated");
            boolean descend = (depth == 0 && field == 7) || (depth == 1 && field == 5) || (depth == 2 && field == 13);
            if (descend) scan(start, end, depth + 1, out);
            if (depth == 3 && field == 1) key = new String(b, start, len, StandardCharsets.UTF_8);
            if (depth == 3 && field == 2) value = new String(b, start, len, StandardCharsets.UTF_8);
            pos = end;
        }
        if (depth == 3 && "location".equals(key) && value != null) out.add(value);
    }

    private long varint() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte x = b[pos++];
            v |= (long) (x & 0x7F) << shift;
            if (x >= 0) return v;
        }
        throw new IllegalStateException("bad varint");
    }

    private void skip(int wire) {
        switch (wire) {
            case 0 -> varint();
            case 1 -> pos += 8;
            case 5 -> pos += 4;
            default -> throw new IllegalStateException("unsupported wire type " + wire);
        }
    }
}
