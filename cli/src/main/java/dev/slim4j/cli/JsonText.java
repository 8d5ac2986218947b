package dev.slim4j.cli;

import java.util.Collection;
import java.util.Map;

/**
 * Writes JSON text from plain Java values: {@link Map} (string keys, in iteration order),
 * {@link Collection}, {@link CharSequence}, {@link Number}, {@link Boolean} and null.
 */
public final class JsonText {
    private JsonText() {}

    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        append(sb, value);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object v) {
        switch (v) {
            case null -> sb.append("null");
            case Boolean b -> sb.append(b);
            case Double d when d.isNaN() || d.isInfinite() -> sb.append("null");
            case Float f when f.isNaN() || f.isInfinite() -> sb.append("null");
            case Number n -> sb.append(n);
            case CharSequence s -> quote(sb, s.toString());
            case Map<?, ?> m -> appendMap(sb, m);
            case Collection<?> c -> appendList(sb, c);
            default -> throw new IllegalArgumentException("cannot write " + v.getClass().getName() + " as JSON");
        }
    }

    private static void appendMap(StringBuilder sb, Map<?, ?> m) {
        sb.append('{');
        boolean first = true;
        for (var e : m.entrySet()) {
            if (!first) sb.append(", ");
            first = false;
            quote(sb, String.valueOf(e.getKey()));
            sb.append(": ");
            append(sb, e.getValue());
        }
        sb.append('}');
    }

    private static void appendList(StringBuilder sb, Collection<?> c) {
        sb.append('[');
        boolean first = true;
        for (Object o : c) {
            if (!first) sb.append(", ");
            first = false;
            append(sb, o);
        }
        sb.append(']');
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}
