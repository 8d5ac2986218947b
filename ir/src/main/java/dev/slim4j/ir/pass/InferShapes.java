package dev.slim4j.ir.pass;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.TypeInference;
import java.util.function.ToLongFunction;

/**
 * Records the type of every intermediate value in value_info (and refines the graph outputs' types),
 * using each op's own inference node by node. Opaque ops keep their annotated types or stay unknown;
 * an op whose inputs do not fit fails with a {@link dev.slim4j.tensor.ShapeException} naming the node.
 */
public final class InferShapes implements Pass {
    private final ToLongFunction<String> opsets;

    /** With the default opsets. */
    public InferShapes() { this(TypeInference.defaultOpsets()); }

    public InferShapes(ToLongFunction<String> opsets) { this.opsets = opsets; }

    /** With the model's opset imports. */
    public static InferShapes forModel(Model m) { return new InferShapes(m::opset); }

    /** The function form: {@code g} with every inferable type recorded. */
    public static Graph infer(Graph g) { return new InferShapes().apply(g); }

    @Override public Graph apply(Graph graph) { return TypeInference.annotate(graph, opsets); }
}
