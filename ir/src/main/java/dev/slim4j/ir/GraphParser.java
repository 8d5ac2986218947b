package dev.slim4j.ir;

import dev.slim4j.ir.GraphTokens.Kind;
import dev.slim4j.ir.GraphTokens.Token;
import dev.slim4j.ir.op.Ops;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@link GraphPrinter}'s text form back into a graph, so tests can state graphs as text
 * blocks. Ops are made by the ONNX op table at the given opset. An initializer's values come from
 * its {@code = [...]} list, else from the tensors supplied to {@link #parse(String, Map)}, else
 * zeros; supplied tensors the text does not declare are added as (non-trainable) initializers.
 * Errors name the line, what was expected and what was found.
 */
public final class GraphParser {
    private final GraphTokens tokens;
    private final long opset;
    private final Map<String, Tensor> supplied;
    private final Set<String> declared = new HashSet<>();
    private Graph.Builder graph;

    private GraphParser(String text, long opset, Map<String, Tensor> supplied) {
        this.tokens = new GraphTokens(text);
        this.opset = opset;
        this.supplied = supplied;
    }

    public static Graph parse(String text) { return parse(text, Map.of()); }

    public static Graph parse(String text, Map<String, Tensor> initializers) {
        return parse(text, initializers, Model.DEFAULT_OPSET);
    }

    public static Graph parse(String text, Map<String, Tensor> initializers, long opset) {
        return new GraphParser(text, opset, initializers).graph();
    }

    private Graph graph() {
        skipNewlines();
        Token t = tokens.next();
        if (!t.isWord("graph")) throw GraphTokens.error(t, "'graph'");
        graph = Graph.builder(tokens.name());
        tokens.expect("(");
        valueList().forEach(graph::input);
        tokens.expect("->");
        tokens.expect("(");
        valueList().forEach(graph::output);
        endOfLine();
        while (tokens.peek().kind() != Kind.EOF) {
            Token first = tokens.peek();
            if (first.isWord("init") || first.isWord("param")) initializer();
            else node();
            skipNewlines();
        }
        supplied.forEach((name, value) -> {
            if (!declared.contains(name)) graph.initializer(name, value);
        });
        return graph.build();
    }

    private List<Value> valueList() {
        List<Value> values = new ArrayList<>();
        if (tokens.accept(")")) return values;
        do {
            String name = tokens.name();
            tokens.expect(":");
            values.add(new Value(name, type()));
        } while (tokens.accept(","));
        tokens.expect(")");
        return values;
    }

    private void initializer() {
        boolean trainable = tokens.next().text().equals("param");
        String name = tokens.name();
        tokens.expect(":");
        Token at = tokens.peek();
        TensorType type = type();
        if (!type.isStatic()) throw GraphTokens.error(at, "a static type for initializer '" + name + "'");
        Tensor value = tokens.accept("=") ? values(type.dtype(), type.shape()) : suppliedOrZeros(name, type, at);
        declared.add(name);
        graph.initializer(name, value);
        if (trainable) graph.trainable.add(name);
        endOfLine();
    }

    private Tensor suppliedOrZeros(String name, TensorType type, Token at) {
        Tensor t = supplied.get(name);
        if (t == null) return Tensor.allocate(type.dtype(), type.shape());
        if (t.dtype() != type.dtype() || !t.shape().equals(type.shape())) {
            throw new IllegalArgumentException("line " + at.line() + ": initializer '" + name + "' is declared "
                    + GraphPrinter.type(type) + " but the supplied tensor is " + t.dtype() + t.shape());
        }
        return t;
    }

    private void node() {
        List<String> outputs = new ArrayList<>();
        do {
            String out = tokens.name();
            outputs.add(out);
            if (tokens.accept(":")) graph.valueInfo(out, type());
        } while (tokens.accept(","));
        tokens.expect("=");
        String domain = "";
        String opType = tokens.name();
        if (tokens.accept("::")) {
            domain = opType;
            opType = tokens.name();
        }
        String nodeName = outputs.getFirst();
        if (tokens.accept("[")) {
            nodeName = tokens.name();
            tokens.expect("]");
        }
        List<String> inputs = new ArrayList<>();
        tokens.expect("(");
        if (!tokens.accept(")")) {
            do inputs.add(tokens.name()); while (tokens.accept(","));
            tokens.expect(")");
        }
        Attributes attributes = tokens.peek().is("{") ? attributes() : Attributes.EMPTY;
        graph.node(new Node(nodeName, Ops.create(domain, opType, opset, attributes), inputs, outputs));
        endOfLine();
    }

    private Attributes attributes() {
        tokens.expect("{");
        Attributes.Builder b = Attributes.builder();
        if (!tokens.accept("}")) {
            do {
                String key = tokens.name();
                tokens.expect("=");
                b.put(key, attributeValue());
            } while (tokens.accept(","));
            tokens.expect("}");
        }
        return b.build();
    }

    private AttributeValue attributeValue() {
        Token t = tokens.peek();
        if (t.kind() == Kind.STRING) return AttributeValue.of(tokens.next().text());
        if (t.is("[")) return list();
        if (t.kind() != Kind.WORD) throw GraphTokens.error(t, "an attribute value");
        if (isInteger(t.text())) return AttributeValue.of(Long.parseLong(tokens.next().text()));
        if (isFloat(t.text())) return AttributeValue.of(Float.parseFloat(tokens.next().text()));
        TensorType type = type();
        if (!type.isStatic()) throw GraphTokens.error(t, "a tensor of static type");
        return AttributeValue.of(values(type.dtype(), type.shape()));
    }

    private AttributeValue list() {
        tokens.expect("[");
        List<Token> items = new ArrayList<>();
        if (!tokens.accept("]")) {
            do items.add(tokens.next()); while (tokens.accept(","));
            tokens.expect("]");
        }
        if (items.stream().allMatch(i -> i.kind() == Kind.STRING)) {
            return items.isEmpty() ? AttributeValue.ints() : new AttributeValue.Strs(items.stream().map(Token::text).toList());
        }
        for (Token i : items) if (i.kind() != Kind.WORD || !isFloat(i.text())) throw GraphTokens.error(i, "a number");
        if (items.stream().allMatch(i -> isInteger(i.text()))) {
            return AttributeValue.ints(items.stream().mapToLong(i -> Long.parseLong(i.text())).toArray());
        }
        return AttributeValue.floats(items.stream().map(i -> Float.parseFloat(i.text())).toList());
    }

    /** "[1, 2.5, ...]" into a tensor of the given type. */
    private Tensor values(DType dtype, Shape shape) {
        Token start = tokens.peek();
        tokens.expect("[");
        List<Token> items = new ArrayList<>();
        if (!tokens.accept("]")) {
            do items.add(tokens.next()); while (tokens.accept(","));
            tokens.expect("]");
        }
        if (items.size() != shape.size()) {
            throw new IllegalArgumentException("line " + start.line() + ": expected " + shape.size() + " values for "
                    + dtype + shape + ", found " + items.size());
        }
        Tensor t = Tensor.allocate(dtype, shape);
        for (int i = 0; i < items.size(); i++) {
            Token v = items.get(i);
            if (v.kind() != Kind.WORD || !isFloat(v.text())) throw GraphTokens.error(v, "a number");
            if (isInteger(v.text())) t.setLong(i, Long.parseLong(v.text()));
            else t.setDouble(i, Double.parseDouble(v.text()));
        }
        return t;
    }

    private TensorType type() {
        Token t = tokens.next();
        DType dtype = dtype(t);
        tokens.expect("[");
        if (tokens.accept("*")) {
            tokens.expect("]");
            return TensorType.unranked(dtype);
        }
        List<Dim> dims = new ArrayList<>();
        if (!tokens.accept("]")) {
            do dims.add(dim()); while (tokens.accept(","));
            tokens.expect("]");
        }
        return TensorType.of(dtype, dims);
    }

    private Dim dim() {
        if (tokens.accept("?")) return Dim.unknown();
        Token t = tokens.next();
        if (t.kind() == Kind.WORD && isInteger(t.text())) return Dim.of(Long.parseLong(t.text()));
        if (t.kind() == Kind.WORD || t.kind() == Kind.STRING) return Dim.symbol(t.text());
        throw GraphTokens.error(t, "a dimension (number, symbol or ?)");
    }

    private static DType dtype(Token t) {
        if (t.kind() == Kind.WORD) {
            for (DType d : DType.values()) if (d.name().toLowerCase(Locale.ROOT).equals(t.text())) return d;
        }
        throw GraphTokens.error(t, "an element type such as float32 or int64");
    }

    private void endOfLine() {
        Token t = tokens.next();
        if (t.kind() != Kind.NEWLINE && t.kind() != Kind.EOF) throw GraphTokens.error(t, "end of line");
        skipNewlines();
    }

    private void skipNewlines() {
        while (tokens.peek().kind() == Kind.NEWLINE) tokens.next();
    }

    private static boolean isInteger(String s) { return s.matches("-?\\d+"); }

    private static boolean isFloat(String s) {
        try {
            Double.parseDouble(s);
            return !s.endsWith("d") && !s.endsWith("f") && !s.endsWith("D") && !s.endsWith("F");
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
