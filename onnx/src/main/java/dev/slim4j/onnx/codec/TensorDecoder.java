package dev.slim4j.onnx.codec;

import dev.slim4j.onnx.ModelFormatException;
import dev.slim4j.onnx.wire.ProtoReader;
import dev.slim4j.onnx.wire.WireType;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TensorProto to {@link Tensor}: raw_data, the typed repeated fields (packed or not, with the
 * ONNX rule that int32_data also holds 8- and 16-bit types and float16/bfloat16 bit patterns),
 * and external data. Sizes are checked against the bytes present before anything is allocated.
 */
public final class TensorDecoder {
    /** Most dims a tensor may have. */
    public static final int MAX_RANK = 64;

    private TensorDecoder() {}

    /** A decoded initializer or attribute tensor with its TensorProto name. */
    public record Named(String name, Tensor tensor) {}

    public static Named decode(ProtoReader.Span span, DecodeContext ctx) {
        return new Parsed(span.reader("TensorProto")).build(ctx);
    }

    /** The data_type of an encoded TensorProto without decoding its data (0 when absent). */
    static int dataType(ProtoReader.Span span) {
        ProtoReader r = span.reader("TensorProto");
        int type = 0;
        while (r.hasMore()) {
            r.next();
            if (r.field() == Fields.Tensor.DATA_TYPE) type = r.int32("data_type");
            else r.skipValue();
        }
        return type;
    }

    /** The fields of one TensorProto, read in one pass; data stays in the input until sizes are checked. */
    private static final class Parsed {
        final ProtoReader r;
        final List<Long> dims = new ArrayList<>();
        final RepeatedNumbers floats = new RepeatedNumbers("float_data", WireType.FIXED32);
        final RepeatedNumbers int32s = new RepeatedNumbers("int32_data", WireType.VARINT);
        final RepeatedNumbers int64s = new RepeatedNumbers("int64_data", WireType.VARINT);
        final RepeatedNumbers doubles = new RepeatedNumbers("double_data", WireType.FIXED64);
        final RepeatedNumbers uint64s = new RepeatedNumbers("uint64_data", WireType.VARINT);
        final Map<String, String> external = new LinkedHashMap<>();
        int dataType;
        int location;
        boolean strings;
        String name = "";
        ProtoReader.Span raw;

        Parsed(ProtoReader r) {
            this.r = r;
            while (r.hasMore()) {
                r.next();
                field();
            }
        }

        private void field() {
            switch (r.field()) {
                case Fields.Tensor.DIMS -> dims();
                case Fields.Tensor.DATA_TYPE -> dataType = r.int32("data_type");
                case Fields.Tensor.SEGMENT -> throw r.error("segmented tensors (field segment) are not supported");
                case Fields.Tensor.FLOAT_DATA -> floats.add(r);
                case Fields.Tensor.INT32_DATA -> int32s.add(r);
                case Fields.Tensor.STRING_DATA -> { r.span("string_data"); strings = true; }
                case Fields.Tensor.INT64_DATA -> int64s.add(r);
                case Fields.Tensor.NAME -> name = r.string("name");
                case Fields.Tensor.RAW_DATA -> raw = r.span("raw_data");
                case Fields.Tensor.DOUBLE_DATA -> doubles.add(r);
                case Fields.Tensor.UINT64_DATA -> uint64s.add(r);
                case Fields.Tensor.EXTERNAL_DATA -> entry();
                case Fields.Tensor.DATA_LOCATION -> location = r.int32("data_location");
                default -> r.skipValue();
            }
        }

        private void dims() {
            RepeatedNumbers d = new RepeatedNumbers("dims", WireType.VARINT);
            d.add(r);
            if (dims.size() + d.count() > MAX_RANK) throw r.error("tensor has more than " + MAX_RANK + " dims");
            long[] values = new long[(int) d.count()];
            d.forEach((i, v) -> values[i] = v);
            for (long v : values) dims.add(v);
        }

        private void entry() {
            ProtoReader e = r.message("external_data", "StringStringEntryProto");
            String key = "";
            String value = "";
            while (e.hasMore()) {
                e.next();
                switch (e.field()) {
                    case Fields.Entry.KEY -> key = e.string("key");
                    case Fields.Entry.VALUE -> value = e.string("value");
                    default -> e.skipValue();
                }
            }
            external.put(key, value);
        }

        Named build(DecodeContext ctx) {
            String what = "tensor '" + name + "'";
            DType dtype = dtype(what);
            Shape shape = shape(what);
            if (location == Fields.Tensor.LOCATION_EXTERNAL) {
                return new Named(name, ExternalData.load(what, dtype, shape, external, ctx.folder()));
            }
            if (location != 0) throw new ModelFormatException(what + ": data_location " + location + " is unknown, expected 0 or 1");
            long bytes = TensorSizes.bytes(what, dtype, shape);
            if (raw != null) return new Named(name, fromRaw(what, dtype, shape, bytes));
            return new Named(name, TypedData.decode(what, dtype, shape, typedField(dtype), typedFields()));
        }

        private RepeatedNumbers typedField(DType dtype) {
            return switch (dtype) {
                case FLOAT32 -> floats;
                case FLOAT64 -> doubles;
                case INT64 -> int64s;
                case UINT32, UINT64 -> uint64s;
                default -> int32s;
            };
        }

        private List<RepeatedNumbers> typedFields() { return List.of(floats, int32s, int64s, doubles, uint64s); }

        private DType dtype(String what) {
            if (strings || dataType == DType.STRING.onnxCode()) {
                throw new ModelFormatException(what + ": string tensors are not supported");
            }
            try {
                return DType.fromOnnx(dataType);
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(what + ": data_type " + dataType + " is not supported, expected one of "
                        + TensorSizes.supported(), e);
            }
        }

        private Shape shape(String what) {
            long[] d = new long[dims.size()];
            for (int i = 0; i < d.length; i++) d[i] = dims.get(i);
            return TensorSizes.shape(what, d);
        }

        private Tensor fromRaw(String what, DType dtype, Shape shape, long bytes) {
            if (raw.length() != bytes) {
                throw new ModelFormatException(what + ": raw_data has " + raw.length() + " bytes, expected " + bytes
                        + " for " + dtype + shape);
            }
            for (RepeatedNumbers t : typedFields()) {
                if (!t.isEmpty()) throw new ModelFormatException(what + ": has both raw_data and " + t.field());
            }
            Tensor t = Tensor.allocate(dtype, shape);
            MemorySegment.copy(MemorySegment.ofArray(raw.buf()), ValueLayout.JAVA_BYTE, raw.from(),
                    t.segment(), ValueLayout.JAVA_BYTE, 0, bytes);
            return t;
        }
    }
}
