package dev.slim4j.onnx.codec;

import dev.slim4j.ir.Dim;
import dev.slim4j.ir.TensorType;
import dev.slim4j.onnx.wire.ProtoWriter;
import java.util.List;

/** A named {@link TensorType} to ValueInfoProto. */
final class TypeEncoder {
    private TypeEncoder() {}

    static ProtoWriter valueInfo(String name, TensorType type) {
        ProtoWriter tensor = new ProtoWriter().varint(Fields.Type.ELEM_TYPE, type.dtype().onnxCode());
        type.dims().ifPresent(dims -> tensor.message(Fields.Type.SHAPE, shape(dims)));
        ProtoWriter typeProto = new ProtoWriter().message(Fields.Type.TENSOR_TYPE, tensor);
        return new ProtoWriter().string(Fields.ValueInfo.NAME, name).message(Fields.ValueInfo.TYPE, typeProto);
    }

    private static ProtoWriter shape(List<Dim> dims) {
        ProtoWriter shape = new ProtoWriter();
        for (Dim d : dims) {
            ProtoWriter dim = new ProtoWriter();
            switch (d) {
                case Dim.Fixed f -> dim.varint(Fields.Type.DIM_VALUE, f.size());
                case Dim.Symbol s -> dim.string(Fields.Type.DIM_PARAM, s.name());
                case Dim.Unknown u -> { }
            }
            shape.message(Fields.Type.DIM, dim);
        }
        return shape;
    }
}
