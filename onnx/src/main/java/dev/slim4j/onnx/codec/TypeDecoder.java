package dev.slim4j.onnx.codec;

import dev.slim4j.ir.Dim;
import dev.slim4j.ir.TensorType;
import dev.slim4j.onnx.ModelFormatException;
import dev.slim4j.onnx.wire.ProtoReader;
import dev.slim4j.tensor.DType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** ValueInfoProto and TypeProto to {@link TensorType}: element type, and dims fixed, symbolic or unknown. */
final class TypeDecoder {
    private TypeDecoder() {}

    /** A value's name and, when it is a tensor, its type; empty for sequences, maps, optionals or no type. */
    record ValueInfo(String name, Optional<TensorType> type, String kind) {}

    static ValueInfo valueInfo(ProtoReader r) {
        String name = "";
        Optional<TensorType> type = Optional.empty();
        String kind = "no type";
        while (r.hasMore()) {
            r.next();
            switch (r.field()) {
                case Fields.ValueInfo.NAME -> name = r.string("name");
                case Fields.ValueInfo.TYPE -> {
                    ProtoReader t = r.message("type", "TypeProto");
                    kind = "a non-tensor type";
                    type = Optional.empty();
                    while (t.hasMore()) {
                        t.next();
                        if (t.field() == Fields.Type.TENSOR_TYPE) {
                            type = Optional.of(tensorType(t.message("tensor_type", "TypeProto.Tensor"), name));
                        } else {
                            kind = kindName(t.field());
                            t.skipValue();
                        }
                    }
                }
                default -> r.skipValue();
            }
        }
        return new ValueInfo(name, type, kind);
    }

    private static String kindName(int field) {
        return switch (field) {
            case 4 -> "a sequence type";
            case 5 -> "a map type";
            case 8 -> "a sparse tensor type";
            case 9 -> "an optional type";
            default -> "a non-tensor type";
        };
    }

    private static TensorType tensorType(ProtoReader r, String value) {
        int elem = 0;
        Optional<List<Dim>> dims = Optional.empty();
        while (r.hasMore()) {
            r.next();
            switch (r.field()) {
                case Fields.Type.ELEM_TYPE -> elem = r.int32("elem_type");
                case Fields.Type.SHAPE -> dims = Optional.of(shape(r.message("shape", "TensorShapeProto"), value));
                default -> r.skipValue();
            }
        }
        try {
            return new TensorType(DType.fromOnnx(elem), dims);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("value '" + value + "': elem_type " + elem + " is not supported, expected one of "
                    + java.util.Arrays.toString(DType.values()), e);
        }
    }

    private static List<Dim> shape(ProtoReader r, String value) {
        List<Dim> dims = new ArrayList<>();
        while (r.hasMore()) {
            r.next();
            if (r.field() != Fields.Type.DIM) {
                r.skipValue();
                continue;
            }
            if (dims.size() >= TensorDecoder.MAX_RANK) {
                throw r.error("value '" + value + "' has more than " + TensorDecoder.MAX_RANK + " dims");
            }
            dims.add(dim(r.message("dim", "TensorShapeProto.Dimension"), value, dims.size()));
        }
        return dims;
    }

    private static Dim dim(ProtoReader r, String value, int axis) {
        Dim d = Dim.unknown();
        while (r.hasMore()) {
            r.next();
            switch (r.field()) {
                case Fields.Type.DIM_VALUE -> {
                    long v = r.varint("dim_value");
                    if (v < 0) throw r.error("value '" + value + "' dim " + axis + " is " + v + ", expected >= 0");
                    d = Dim.of(v);
                }
                case Fields.Type.DIM_PARAM -> {
                    String p = r.string("dim_param");
                    d = p.isEmpty() ? Dim.unknown() : Dim.symbol(p);
                }
                default -> r.skipValue();
            }
        }
        return d;
    }
}
