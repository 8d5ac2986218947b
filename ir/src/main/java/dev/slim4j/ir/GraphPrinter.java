package dev.slim4j.ir;

import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small text form of graphs for tests and debugging, read back by {@link GraphParser}:
 * <pre>
 * graph lenet (x: float32[N,1,28,28]) -> (y: float32[N,10])
 *   param conv1.weight: float32[6,1,5,5]
 *   init shape: int64[2] = [-1, 400]
 *   conv1: float32[N,6,28,28] = Conv(x, conv1.weight, conv1.bias) {group=1, kernel_shape=[5,5], pads=[2,2,2,2]}
 * </pre>
 * Initializers are {@code param} (trainable) or {@code init}; values are shown up to a size limit.
 * A node's name is shown in brackets after the op type when it differs from its first output.
 * Names outside {@code [A-Za-z0-9_./]} (or equal to a keyword) are quoted; "" is an omitted value.
 */
public record GraphPrinter(boolean showTypes, int maxValues) {
    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_./]+");
    private static final Set<String> KEYWORDS = Set.of("graph", "init", "param");

    /** Intermediate types shown, tensors of up to 16 elements shown. */
    public static final GraphPrinter DEFAULT = new GraphPrinter(true, 16);

    /** Without intermediate types. */
    public GraphPrinter withoutTypes() { return new GraphPrinter(false, maxValues); }

    public GraphPrinter withMaxValues(int n) { return new GraphPrinter(showTypes, n); }

    /** {@link #DEFAULT}'s text for {@code g}. */
    public static String print(Graph g) { return DEFAULT.format(g); }

    public String format(Graph g) {
        StringBuilder sb = new StringBuilder("graph ").append(name(g.name())).append(" (");
        sb.append(values(g.inputs())).append(") -> (").append(values(g.outputs())).append(")\n");
        for (Map.Entry<String, Tensor> e : g.initializers().entrySet()) {
            Tensor t = e.getValue();
            sb.append("  ").append(g.trainable().contains(e.getKey()) ? "param " : "init ").append(name(e.getKey()))
                    .append(": ").append(type(TensorType.of(t.dtype(), t.shape())));
            if (t.size() <= maxValues) sb.append(" = ").append(tensorValues(t));
            sb.append('\n');
        }
        for (Node n : g.nodes()) sb.append("  ").append(node(n, g)).append('\n');
        return sb.toString();
    }

    private String node(Node n, Graph g) {
        List<String> outs = new ArrayList<>();
        for (String o : n.outputs()) {
            TensorType t = showTypes && !o.isEmpty() ? g.valueInfo().get(o) : null;
            outs.add(t == null ? name(o) : name(o) + ": " + type(t));
        }
        StringBuilder sb = new StringBuilder(String.join(", ", outs)).append(" = ");
        if (!n.op().domain().isEmpty()) sb.append(name(n.op().domain())).append("::");
        sb.append(n.op().opType());
        if (!n.name().isEmpty() && !n.name().equals(n.output(0))) sb.append('[').append(name(n.name())).append(']');
        sb.append('(').append(String.join(", ", n.inputs().stream().map(GraphPrinter::name).toList())).append(')');
        Attributes a = n.op().attributes();
        if (!a.values().isEmpty()) {
            List<String> parts = new ArrayList<>();
            a.values().forEach((k, v) -> parts.add(name(k) + "=" + attribute(v)));
            sb.append(" {").append(String.join(", ", parts)).append('}');
        }
        return sb.toString();
    }

    private String attribute(AttributeValue v) {
        return switch (v) {
            case AttributeValue.Int i -> Long.toString(i.value());
            case AttributeValue.Float f -> Float.toString(f.value());
            case AttributeValue.Str s -> quote(s.value());
            case AttributeValue.Ints is -> "[" + String.join(",", is.values().stream().map(String::valueOf).toList()) + "]";
            case AttributeValue.Floats fs -> "[" + String.join(", ", fs.values().stream().map(String::valueOf).toList()) + "]";
            case AttributeValue.Strs ss -> "[" + String.join(", ", ss.values().stream().map(GraphPrinter::quote).toList()) + "]";
            case AttributeValue.TensorValue t -> type(TensorType.of(t.value().dtype(), t.value().shape()))
                    + (t.value().size() <= maxValues ? tensorValues(t.value()) : "[...]");
            case AttributeValue.GraphValue gv -> "<graph " + name(gv.value().name()) + ">";
            case AttributeValue.Tensors ts -> "<" + ts.values().size() + " tensors>";
            case AttributeValue.Graphs gs -> "<" + gs.values().size() + " graphs>";
            case AttributeValue.Encoded e -> "<encoded>";
        };
    }

    private static String values(List<Value> vs) {
        return String.join(", ", vs.stream().map(v -> name(v.name()) + ": " + type(v.type())).toList());
    }

    /** "float32[N,3,?]", "int64[]" for a scalar, "float32[*]" for an unknown rank. */
    public static String type(TensorType t) {
        String dims = t.dims().map(ds -> String.join(",", ds.stream().map(GraphPrinter::dim).toList())).orElse("*");
        return t.dtype().name().toLowerCase(Locale.ROOT) + "[" + dims + "]";
    }

    private static String dim(Dim d) {
        return switch (d) {
            case Dim.Fixed f -> Long.toString(f.size());
            case Dim.Symbol s -> name(s.name());
            case Dim.Unknown u -> "?";
        };
    }

    /** "[1.0, 2.5]" for floating point, "[1, -2]" for integers and booleans. */
    static String tensorValues(Tensor t) {
        List<String> parts = new ArrayList<>();
        for (long i = 0; i < t.size(); i++) {
            parts.add(switch (t.dtype()) {
                case FLOAT64 -> Double.toString(t.getDouble(i));
                case FLOAT32, FLOAT16, BFLOAT16 -> Float.toString((float) t.getDouble(i));
                case UINT64 -> Long.toUnsignedString(t.getLong(i));
                default -> Long.toString(t.getLong(i));
            });
        }
        return "[" + String.join(", ", parts) + "]";
    }

    /** The name bare when it can be, quoted otherwise. */
    public static String name(String s) {
        return BARE.matcher(s).matches() && !KEYWORDS.contains(s) ? s : quote(s);
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
