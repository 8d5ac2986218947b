package dev.slim4j.runtime.reference;

import dev.slim4j.ir.op.Axes;
import dev.slim4j.ir.op.Broadcast;
import dev.slim4j.ir.op.Concat;
import dev.slim4j.ir.op.DepthToSpace;
import dev.slim4j.ir.op.Expand;
import dev.slim4j.ir.op.Gather;
import dev.slim4j.ir.op.SpaceToDepth;
import dev.slim4j.ir.op.Split;
import dev.slim4j.ir.op.Tile;
import dev.slim4j.ir.op.Transpose;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.ShapeException;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/** Reference semantics of the ops that rearrange elements: permutations, broadcasts, joins, cuts, gathers. */
final class LayoutReference {
    private LayoutReference() {}

    static Tensor transpose(Transpose t, Tensor x) {
        int[] perm = t.permutation(x.rank());
        long[] strides = x.shape().strides();
        long[] permuted = new long[perm.length];
        for (int i = 0; i < perm.length; i++) permuted[i] = strides[perm[i]];
        Shape out = t.outputShape(x.shape());
        return ElementMap.gather(x, out, ElementMap.build(out, idx -> dot(idx, permuted)));
    }

    static Tensor expand(Tensor x, long[] shape) {
        Shape out = Expand.outputShape(x.shape(), shape);
        long[] strides = Broadcast.strides(x.shape(), out);
        return ElementMap.gather(x, out, ElementMap.build(out, idx -> dot(idx, strides)));
    }

    static Tensor tile(Tensor x, long[] repeats) {
        Shape in = x.shape();
        Shape out = Tile.outputShape(in, repeats);
        long[] strides = in.strides();
        return ElementMap.gather(x, out, ElementMap.build(out, idx -> {
            long off = 0;
            for (int k = 0; k < idx.length; k++) off += (long) (idx[k] % in.dim(k)) * strides[k];
            return off;
        }));
    }

    /** [N, C, H, W] to [N, C/b^2, H*b, W*b]: output (n, c, h*b+i, w*b+j) reads channel (i*b+j)*C/b^2+c (DCR) or c*b^2+i*b+j (CRD). */
    static Tensor depthToSpace(DepthToSpace d, Tensor x) {
        int b = Math.toIntExact(d.blocksize());
        Shape in = requireRank4(x, "DepthToSpace");
        int c = in.dim(1) / (b * b);
        if (c * b * b != in.dim(1)) throw new ShapeException("expected DepthToSpace channels divisible by " + b * b + ", found " + in);
        Shape out = Shape.of(in.dim(0), c, in.dim(2) * b, in.dim(3) * b);
        boolean crd = d.crd();
        return ElementMap.gather(x, out, ElementMap.build(out, idx -> {
            int i = idx[2] % b;
            int j = idx[3] % b;
            int channel = crd ? idx[1] * b * b + i * b + j : (i * b + j) * c + idx[1];
            return offset(in, idx[0], channel, idx[2] / b, idx[3] / b);
        }));
    }

    /** [N, C, H, W] to [N, C*b^2, H/b, W/b]: output channel (i*b+j)*C+c reads (n, c, h*b+i, w*b+j). */
    static Tensor spaceToDepth(SpaceToDepth s, Tensor x) {
        int b = Math.toIntExact(s.blocksize());
        Shape in = requireRank4(x, "SpaceToDepth");
        if (in.dim(2) % b != 0 || in.dim(3) % b != 0) {
            throw new ShapeException("expected SpaceToDepth spatial dims divisible by " + b + ", found " + in);
        }
        int c = in.dim(1);
        Shape out = Shape.of(in.dim(0), c * b * b, in.dim(2) / b, in.dim(3) / b);
        return ElementMap.gather(x, out, ElementMap.build(out, idx -> {
            int block = idx[1] / c;
            return offset(in, idx[0], idx[1] % c, idx[2] * b + block / b, idx[3] * b + block % b);
        }));
    }

    static Tensor concat(Concat c, List<Tensor> in) {
        List<Shape> shapes = in.stream().map(Tensor::shape).toList();
        Shape out = c.outputShape(shapes);
        int a = Axes.normalize(c.axis(), out.rank());
        long outer = out.sizeBetween(0, a);
        Tensor y = Tensor.allocate(in.get(0).dtype(), out);
        long to = 0;
        for (long o = 0; o < outer; o++) {
            for (Tensor t : in) {
                requireSameType(in.get(0), t, "Concat");
                long chunk = t.shape().sizeBetween(a, t.rank());
                ElementMap.copy(t, o * chunk, y, to, chunk);
                to += chunk;
            }
        }
        return y;
    }

    static List<Tensor> split(Split s, Tensor x, long[] given, int outputCount) {
        Shape in = x.shape();
        int a = Axes.normalize(s.axis(), in.rank());
        long[] sizes = s.pieceSizes(in.dim(a), outputCount, given);
        long outer = in.sizeBetween(0, a);
        long inner = in.sizeBetween(a + 1, in.rank());
        List<Tensor> out = new ArrayList<>();
        long start = 0;
        for (long size : sizes) {
            int[] dims = in.toArray();
            dims[a] = Math.toIntExact(size);
            Tensor y = Tensor.allocate(x.dtype(), Shape.of(dims));
            for (long o = 0; o < outer; o++) {
                ElementMap.copy(x, (o * in.dim(a) + start) * inner, y, o * size * inner, size * inner);
            }
            out.add(y);
            start += size;
        }
        return out;
    }

    static Tensor gather(Gather g, Tensor x, Tensor indices) {
        Shape in = x.shape();
        int a = Axes.normalize(g.axis(), in.rank());
        List<Integer> dims = Gather.outputDims(boxed(in), boxed(indices.shape()), a);
        Tensor y = Tensor.allocate(x.dtype(), Shape.of(dims));
        long outer = in.sizeBetween(0, a);
        long inner = in.sizeBetween(a + 1, in.rank());
        long k = indices.size();
        for (long j = 0; j < k; j++) {
            long index = Gather.resolveIndex(indices.getLong(j), in.dim(a));
            for (long o = 0; o < outer; o++) {
                ElementMap.copy(x, (o * in.dim(a) + index) * inner, y, (o * k + j) * inner, inner);
            }
        }
        return y;
    }

    static long dot(int[] index, long[] strides) {
        long off = 0;
        for (int k = 0; k < index.length; k++) off += index[k] * strides[k];
        return off;
    }

    private static long offset(Shape s, int n, int c, int h, int w) {
        return (((long) n * s.dim(1) + c) * s.dim(2) + h) * s.dim(3) + w;
    }

    private static Shape requireRank4(Tensor x, String op) {
        if (x.rank() != 4) throw new ShapeException("expected " + op + " input of rank 4, found " + x.shape());
        return x.shape();
    }

    private static void requireSameType(Tensor first, Tensor t, String op) {
        if (t.dtype() != first.dtype()) {
            throw new ShapeException("expected " + op + " inputs of " + first.dtype() + ", found " + t.dtype());
        }
    }

    private static List<Integer> boxed(Shape s) {
        List<Integer> out = new ArrayList<>();
        for (int d : s.toArray()) out.add(d);
        return out;
    }
}
