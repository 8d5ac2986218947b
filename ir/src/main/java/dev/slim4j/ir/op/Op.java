package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.TensorType;
import java.util.List;

/**
 * An operation, defined once: one record per ONNX operator (or per closed family of them, such as
 * unary math functions), holding its attributes as immutable values with ONNX names. Records parse
 * ONNX attributes in their family's factory ({@code XxxOps.register}) and give them back with
 * {@link #attributes()} for the writer. Ops slim4j does not model are {@link OpaqueOp}.
 */
public sealed interface Op permits ElementwiseOp, NnOp, ShapeOp, QuantOp, OpaqueOp {
    /** The ONNX domain: "" for the default domain (ai.onnx), "com.microsoft" and so on otherwise. */
    default String domain() { return ""; }

    /** The ONNX operator name, e.g. "Conv". */
    String opType();

    /** The attributes in ONNX form, as the writer stores them. */
    Attributes attributes();

    /**
     * Output types (one per node output) from the input types and, where needed, constant input
     * values. Throws {@link dev.slim4j.tensor.ShapeException} when the inputs do not fit together.
     */
    List<TensorType> inferTypes(InferenceContext ctx);
}
