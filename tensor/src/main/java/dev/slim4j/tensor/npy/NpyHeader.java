package dev.slim4j.tensor.npy;

import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.ShapeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The header dictionary of a .npy file, for example
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }}: the element type and the
 * shape of little-endian C-order data.
 */
public record NpyHeader(DType dtype, Shape shape) {
    /** The dtype's code without byte order ("f4"), as NumPy spells it. */
    static String code(DType t) {
        return switch (t) {
            case FLOAT16 -> "f2";
            case FLOAT32 -> "f4";
            case FLOAT64 -> "f8";
            case INT8 -> "i1";
            case INT16 -> "i2";
            case INT32 -> "i4";
            case INT64 -> "i8";
            case UINT8 -> "u1";
            case UINT16 -> "u2";
            case UINT32 -> "u4";
            case UINT64 -> "u8";
            case BOOL -> "b1";
            case STRING, BFLOAT16 -> throw new NpyFormatException("element type " + t
                    + " has no .npy form; expected one of f2 f4 f8 i1 i2 i4 i8 u1 u2 u4 u8 b1");
        };
    }

    /** The dictionary text as written (without padding): descr with '<' ('|' for one-byte types). */
    String format() {
        String c = code(dtype);
        char order = dtype.byteSize() == 1 ? '|' : '<';
        StringBuilder sb = new StringBuilder("{'descr': '").append(order).append(c)
                .append("', 'fortran_order': False, 'shape': (");
        for (int i = 0; i < shape.rank(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(shape.dim(i));
        }
        if (shape.rank() == 1) sb.append(',');
        return sb.append("), }").toString();
    }

    /** Parses the dictionary text of a header. */
    static NpyHeader parse(String text) {
        HeaderDict d = HeaderDict.parse(text);
        String descr = d.string("descr");
        if (d.bool("fortran_order")) {
            throw new NpyFormatException("Fortran-order (column-major) .npy data is not supported, expected "
                    + "fortran_order False; save with numpy.ascontiguousarray first");
        }
        return new NpyHeader(dtypeOf(descr), shapeOf(d.ints("shape")));
    }

    static DType dtypeOf(String descr) {
        if (descr.isEmpty()) throw new NpyFormatException("empty descr in .npy header");
        char order = descr.charAt(0);
        String code = "<>|=".indexOf(order) >= 0 ? descr.substring(1) : descr;
        if (code.equals("?")) code = "b1";
        DType t = switch (code) {
            case "f2" -> DType.FLOAT16;
            case "f4" -> DType.FLOAT32;
            case "f8" -> DType.FLOAT64;
            case "i1" -> DType.INT8;
            case "i2" -> DType.INT16;
            case "i4" -> DType.INT32;
            case "i8" -> DType.INT64;
            case "u1" -> DType.UINT8;
            case "u2" -> DType.UINT16;
            case "u4" -> DType.UINT32;
            case "u8" -> DType.UINT64;
            case "b1" -> DType.BOOL;
            default -> throw new NpyFormatException("unsupported .npy dtype '" + descr
                    + "', expected one of f2 f4 f8 i1 i2 i4 i8 u1 u2 u4 u8 b1 (little-endian)");
        };
        if (order == '>' && t.byteSize() > 1) {
            throw new NpyFormatException("big-endian .npy data ('" + descr + "') is not supported, expected '<"
                    + code + "'; convert with array.astype('<" + code + "')");
        }
        return t;
    }

    private static Shape shapeOf(List<Long> dims) {
        try {
            Shape s = Shape.ofLongs(dims.stream().mapToLong(Long::longValue).toArray());
            if (s.size() > Integer.MAX_VALUE) throw new ShapeException(s.size() + " elements");
            return s;
        } catch (ShapeException e) {
            throw new NpyFormatException("unsupported .npy shape " + dims + ": " + e.getMessage(), e);
        }
    }

    /** A tiny reader for the Python literal dictionary NumPy writes: strings, True/False, int tuples. */
    private record HeaderDict(String text, java.util.Map<String, Object> values) {
        static HeaderDict parse(String text) {
            java.util.Map<String, Object> m = new java.util.HashMap<>();
            Lexer lx = new Lexer(text.strip());
            lx.expect('{');
            while (!lx.tryChar('}')) {
                String key = lx.string();
                lx.expect(':');
                m.put(key, lx.value());
                if (!lx.tryChar(',')) {
                    lx.expect('}');
                    break;
                }
            }
            return new HeaderDict(text, m);
        }

        private Object need(String key) {
            Object v = values.get(key);
            if (v == null) throw new NpyFormatException(".npy header has no '" + key + "': " + text);
            return v;
        }

        String string(String key) {
            if (need(key) instanceof String s) return s;
            throw new NpyFormatException(".npy header '" + key + "' should be a string: " + text);
        }

        boolean bool(String key) {
            if (need(key) instanceof Boolean b) return b;
            throw new NpyFormatException(".npy header '" + key + "' should be True or False: " + text);
        }

        @SuppressWarnings("unchecked")
        List<Long> ints(String key) {
            if (need(key) instanceof List<?> l) return (List<Long>) l;
            throw new NpyFormatException(".npy header '" + key + "' should be a tuple of integers: " + text);
        }
    }

    /** Character-level scanning of the header literal. */
    private static final class Lexer {
        private final String s;
        private int pos;

        Lexer(String s) { this.s = s; }

        private void skipSpace() { while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++; }

        boolean tryChar(char c) {
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        void expect(char c) {
            if (!tryChar(c)) throw error("'" + c + "'");
        }

        private NpyFormatException error(String expected) {
            String found = pos < s.length() ? "'" + s.charAt(pos) + "' at offset " + pos : "end of header";
            return new NpyFormatException("malformed .npy header: expected " + expected + ", found " + found + " in " + s);
        }

        String string() {
            skipSpace();
            if (pos >= s.length() || (s.charAt(pos) != '\'' && s.charAt(pos) != '"')) throw error("a quoted string");
            char q = s.charAt(pos++);
            int end = s.indexOf(q, pos);
            if (end < 0) throw error("closing quote");
            String v = s.substring(pos, end);
            pos = end + 1;
            return v;
        }

        Object value() {
            skipSpace();
            if (pos >= s.length()) throw error("a value");
            char c = s.charAt(pos);
            if (c == '\'' || c == '"') return string();
            if (c == '(') return tuple();
            if (s.startsWith("True", pos)) { pos += 4; return Boolean.TRUE; }
            if (s.startsWith("False", pos)) { pos += 5; return Boolean.FALSE; }
            throw error("a string, a tuple, True or False");
        }

        private List<Long> tuple() {
            expect('(');
            List<Long> out = new ArrayList<>();
            while (!tryChar(')')) {
                out.add(integer());
                if (!tryChar(',')) {
                    expect(')');
                    break;
                }
            }
            return out;
        }

        private long integer() {
            skipSpace();
            int start = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
            if (start == pos) throw error("a non-negative integer");
            if (pos < s.length() && "Ll".indexOf(s.charAt(pos)) >= 0) pos++;
            try {
                return Long.parseLong(s.substring(start, pos).toUpperCase(Locale.ROOT).replace("L", ""));
            } catch (NumberFormatException e) {
                throw new NpyFormatException(".npy shape dimension " + s.substring(start, pos) + " is too large");
            }
        }
    }
}
