package dev.slim4j.runtime.reference;

import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.lang.foreign.MemorySegment;

/**
 * Data movement by element index: an output element is a byte copy of one source element, so every
 * element type moves exactly. A map holds, per output element (row-major), its source element index.
 */
final class ElementMap {
    private ElementMap() {}

    /** Maps an output multi-index to a source element index, or -1 for "no source". */
    @FunctionalInterface
    interface Source {
        long of(int[] index);
    }

    /** The source index of every element of {@code shape}, from {@code source} applied to each multi-index. */
    static long[] build(Shape shape, Source source) {
        long[] map = new long[shape.intSize()];
        int[] index = new int[shape.rank()];
        for (int i = 0; i < map.length; i++) {
            map[i] = source.of(index);
            for (int d = shape.rank() - 1; d >= 0; d--) {
                if (++index[d] < shape.dim(d)) break;
                index[d] = 0;
            }
        }
        return map;
    }

    /** A tensor of {@code shape} whose element i copies {@code src} element map[i] (map[i] = -1 copies {@code fill}). */
    static Tensor gather(Tensor src, Shape shape, long[] map, Tensor fill) {
        Tensor out = Tensor.allocate(src.dtype(), shape);
        long size = src.dtype().byteSize();
        MemorySegment from = src.segment();
        MemorySegment to = out.segment();
        for (int i = 0; i < map.length; i++) {
            if (map[i] >= 0) MemorySegment.copy(from, map[i] * size, to, i * size, size);
            else if (fill != null) MemorySegment.copy(fill.segment(), 0, to, i * size, size);
        }
        return out;
    }

    static Tensor gather(Tensor src, Shape shape, long[] map) { return gather(src, shape, map, null); }

    /** Copies {@code count} elements from {@code src} at {@code from} into {@code dst} at {@code to}. */
    static void copy(Tensor src, long from, Tensor dst, long to, long count) {
        long size = src.dtype().byteSize();
        MemorySegment.copy(src.segment(), from * size, dst.segment(), to * size, count * size);
    }

    /** A tensor of {@code shape} with every element equal to the single element of {@code value}. */
    static Tensor filled(Tensor value, Shape shape) {
        Tensor out = Tensor.allocate(value.dtype(), shape);
        for (long i = 0; i < out.size(); i++) copy(value, 0, out, i, 1);
        return out;
    }
}
