package dev.slim4j.compress.quant;

import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.quant.QuantParams;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The scale table as human-readable, editable JSON, one activation per line:
 * <pre>
 * {
 *   "format": "slim4j-scales", "version": 1, "method": "entropy",
 *   "activations": {"bits": 8, "signed": false, "symmetry": "asymmetric"},
 *   "tensors": {
 *     "relu1": {"min": 0.0, "max": 5.25, "scale": 0.020588236, "zero_point": 0, "type": "uint8"}
 *   }
 * }
 * </pre>
 * {@code scale} and {@code zero_point} are what conversion uses; {@code min} and {@code max} are the range
 * they came from. An entry with only {@code min} and {@code max} gets its scale and zero point from the
 * file's activation scheme, so a range can be edited by hand. Floats are written in Java's shortest
 * round-trip form, so writing and reading reproduce the table exactly.
 */
public final class ScaleFile {
    public static final String FORMAT = "slim4j-scales";
    public static final int VERSION = 1;

    private ScaleFile() {}

    /** The scale file next to {@code model}: {@code model.onnx} -> {@code model.scales.json}. */
    public static Path besideModel(Path model) {
        String name = model.getFileName().toString();
        String stem = name.endsWith(".onnx") ? name.substring(0, name.length() - 5) : name;
        return model.resolveSibling(stem + ".scales.json");
    }

    public static String toJson(ScaleTable t) {
        QuantSpec a = t.activations();
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"format\": \"").append(FORMAT).append("\",\n  \"version\": ").append(VERSION).append(",\n");
        sb.append("  \"method\": ").append(quote(t.method())).append(",\n");
        sb.append("  \"activations\": {\"bits\": ").append(a.bits()).append(", \"signed\": ").append(a.signed())
                .append(", \"symmetry\": \"").append(a.symmetry().name().toLowerCase(Locale.ROOT)).append("\"},\n");
        sb.append("  \"tensors\": {");
        boolean first = true;
        for (var e : t.tensors().entrySet()) {
            TensorScale s = e.getValue();
            sb.append(first ? "\n" : ",\n").append("    ").append(quote(e.getKey())).append(": {\"min\": ")
                    .append(s.range().min()).append(", \"max\": ").append(s.range().max()).append(", \"scale\": ")
                    .append(s.params().scale()).append(", \"zero_point\": ").append(s.params().zeroPoint())
                    .append(", \"type\": \"").append(s.params().type().name().toLowerCase(Locale.ROOT)).append("\"}");
            first = false;
        }
        return sb.append(first ? "}\n}\n" : "\n  }\n}\n").toString();
    }

    /** Writes {@code t} to {@code file} through a temporary file moved into place. */
    public static void write(ScaleTable t, Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                Files.writeString(tmp, toJson(t), StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write scale file " + file + ": " + e.getMessage(), e);
        }
    }

    public static ScaleTable read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scale file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses scale-file JSON; {@code source} names it in errors. */
    public static ScaleTable parse(String json, String source) {
        try {
            Map<String, Object> root = object(JsonReader.parse(json), "the document");
            if (!FORMAT.equals(root.get("format"))) throw new IllegalArgumentException("expected \"format\": \"" + FORMAT + "\"");
            int version = integer(root, "version");
            if (version != VERSION) throw new IllegalArgumentException("expected version " + VERSION + ", found " + version);
            QuantSpec spec = activations(object(root.get("activations"), "\"activations\""));
            String method = root.get("method") instanceof String s ? s : "edited";
            Map<String, TensorScale> tensors = new LinkedHashMap<>();
            for (var e : object(root.get("tensors"), "\"tensors\"").entrySet()) {
                tensors.put(e.getKey(), tensor(object(e.getValue(), "tensor '" + e.getKey() + "'"), spec, e.getKey()));
            }
            return new ScaleTable(method, spec, new LinkedHashMap<>(tensors));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("scale file " + source + ": " + e.getMessage(), e);
        }
    }

    private static QuantSpec activations(Map<String, Object> a) {
        String symmetry = a.get("symmetry") instanceof String s ? s : "";
        Symmetry sym = switch (symmetry) {
            case "symmetric" -> Symmetry.SYMMETRIC;
            case "asymmetric" -> Symmetry.ASYMMETRIC;
            default -> throw new IllegalArgumentException("activations: expected \"symmetry\" \"symmetric\" or \"asymmetric\", found " + a.get("symmetry"));
        };
        if (!(a.get("signed") instanceof Boolean signed)) throw new IllegalArgumentException("activations: expected \"signed\" true or false");
        return new QuantSpec(integer(a, "bits"), signed, sym, Granularity.perTensor());
    }

    private static TensorScale tensor(Map<String, Object> t, QuantSpec spec, String name) {
        try {
            Range r = new Range(real(t, "min"), real(t, "max"));
            if (!t.containsKey("scale") && !t.containsKey("zero_point")) return new TensorScale(r, spec.params(r));
            DType type = t.get("type") instanceof String s ? DType.valueOf(s.toUpperCase(Locale.ROOT)) : spec.storage();
            QuantParams p = new QuantParams(real(t, "scale"), integer(t, "zero_point"), type);
            return new TensorScale(r, p);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tensor '" + name + "': " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object o, String what) {
        if (o instanceof Map<?, ?> m) return (Map<String, Object>) m;
        throw new IllegalArgumentException("expected " + what + " to be an object, found " + (o == null ? "nothing" : o));
    }

    private static float real(Map<String, Object> m, String key) {
        if (m.get(key) instanceof BigDecimal d) return Float.parseFloat(d.toString());
        throw new IllegalArgumentException("expected a number \"" + key + "\", found " + m.get(key));
    }

    private static int integer(Map<String, Object> m, String key) {
        try {
            if (m.get(key) instanceof BigDecimal d) return d.intValueExact();
        } catch (ArithmeticException e) {
            // falls through to the error below
        }
        throw new IllegalArgumentException("expected an integer \"" + key + "\", found " + m.get(key));
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }
}
