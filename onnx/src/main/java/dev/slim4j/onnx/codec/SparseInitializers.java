package dev.slim4j.onnx.codec;

import dev.slim4j.onnx.ModelFormatException;
import dev.slim4j.onnx.wire.ProtoReader;
import dev.slim4j.onnx.wire.ProtoWriter;
import dev.slim4j.onnx.wire.WireType;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * GraphProto's {@code sparse_initializer} (SparseTensorProto: values, indices, dims) for float32 tensors. Written
 * for initializers whose density is at most a limit: the non-zero values as a 1-D float tensor named like the
 * initializer, their row-major positions as 1-D int64 indices, and the dense dims. Read back into an ordinary
 * dense initializer (the IR has no sparse tensors), after checking every index against the dims and that the
 * dims claim at most {@link #MAX_EXPANSION} elements per stored value.
 */
final class SparseInitializers {
    static final int VALUES = 1, INDICES = 2, DIMS = 3;
    /** Dense elements one stored value may stand for (a forged size must not allocate gigabytes from a few bytes). */
    static final long MAX_EXPANSION = 1024;
    /** Below this many values the expansion is counted from this many. */
    static final long MIN_ELEMENTS = 1024;

    private SparseInitializers() {}

    /** Whether {@code t} is written sparse under {@code maxDensity} (negative: never). */
    static boolean writesSparse(Tensor t, double maxDensity) {
        if (maxDensity < 0 || t.dtype() != DType.FLOAT32 || t.size() == 0 || t.rank() == 0) return false;
        float[] v = t.floats();
        long nonZeros = 0;
        for (float f : v) if (f != 0f) nonZeros++;
        return nonZeros <= maxDensity * v.length;
    }

    static ProtoWriter encode(String name, Tensor t, TensorEncoder.ExternalSink sink) {
        float[] v = t.floats();
        int nonZeros = 0;
        for (float f : v) if (f != 0f) nonZeros++;
        float[] values = new float[nonZeros];
        long[] indices = new long[nonZeros];
        int at = 0;
        for (int i = 0; i < v.length; i++) {
            if (v[i] != 0f) {
                values[at] = v[i];
                indices[at++] = i;
            }
        }
        ProtoWriter w = new ProtoWriter();
        w.message(VALUES, TensorEncoder.encode(name, Tensor.ofFloats(Shape.of(nonZeros), values), sink));
        w.message(INDICES, TensorEncoder.encode("", Tensor.ofLongs(Shape.of(nonZeros), indices), sink));
        for (int i = 0; i < t.rank(); i++) w.varint(DIMS, t.shape().dim(i));
        return w;
    }

    /** The dense tensor of one SparseTensorProto and its name. */
    static TensorDecoder.Named decode(ProtoReader.Span span, DecodeContext ctx) {
        ProtoReader r = span.reader("SparseTensorProto");
        TensorDecoder.Named values = null;
        TensorDecoder.Named indices = null;
        List<Long> dims = new ArrayList<>();
        while (r.hasMore()) {
            r.next();
            switch (r.field()) {
                case VALUES -> values = TensorDecoder.decode(r.span("values"), ctx);
                case INDICES -> indices = TensorDecoder.decode(r.span("indices"), ctx);
                case DIMS -> {
                    RepeatedNumbers numbers = new RepeatedNumbers("dims", WireType.VARINT);
                    numbers.add(r);
                    if (dims.size() + numbers.count() > TensorDecoder.MAX_RANK) {
                        throw r.error("sparse tensor has more than " + TensorDecoder.MAX_RANK + " dims");
                    }
                    long[] read = new long[(int) numbers.count()];
                    numbers.forEach((i, v) -> read[i] = v);
                    for (long v : read) dims.add(v);
                }
                default -> r.skipValue();
            }
        }
        if (values == null || indices == null) {
            throw new ModelFormatException("sparse_initializer without " + (values == null ? "values" : "indices"));
        }
        String name = values.name();
        Tensor val = values.tensor();
        Tensor idx = indices.tensor();
        if (val.dtype() != DType.FLOAT32) {
            throw new ModelFormatException("sparse_initializer '" + name + "' has " + val.dtype()
                    + " values, only FLOAT32 is supported");
        }
        long nnz = val.size();
        if (val.rank() != 1 || idx.dtype() != DType.INT64 || idx.rank() != 1 || idx.size() != nnz) {
            throw new ModelFormatException("sparse_initializer '" + name + "': expected 1-D values and as many 1-D"
                    + " INT64 indices, found values " + val.shape() + " and " + idx.dtype() + " indices " + idx.shape());
        }
        long[] d = new long[dims.size()];
        for (int i = 0; i < d.length; i++) d[i] = dims.get(i);
        Shape shape = TensorSizes.shape("sparse_initializer '" + name + "'", d);
        if (shape.size() > MAX_EXPANSION * Math.max(nnz, MIN_ELEMENTS)) {
            throw new ModelFormatException("sparse_initializer '" + name + "' claims " + shape + " for " + nnz
                    + " values, more than " + MAX_EXPANSION + " elements per value");
        }
        float[] dense = new float[shape.intSize()];
        float[] v = val.floats();
        for (int i = 0; i < nnz; i++) {
            long at = idx.getLong(i);
            if (at < 0 || at >= dense.length) {
                throw new ModelFormatException("sparse_initializer '" + name + "' has index " + at + " outside "
                        + shape);
            }
            dense[(int) at] = v[i];
        }
        return new TensorDecoder.Named(name, Tensor.ofFloats(shape, dense));
    }
}
