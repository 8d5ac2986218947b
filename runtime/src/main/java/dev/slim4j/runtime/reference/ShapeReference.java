package dev.slim4j.runtime.reference;

import dev.slim4j.ir.op.Axes;
import dev.slim4j.ir.op.Concat;
import dev.slim4j.ir.op.Constant;
import dev.slim4j.ir.op.ConstantOfShape;
import dev.slim4j.ir.op.DepthToSpace;
import dev.slim4j.ir.op.Dropout;
import dev.slim4j.ir.op.Expand;
import dev.slim4j.ir.op.Flatten;
import dev.slim4j.ir.op.Gather;
import dev.slim4j.ir.op.Identity;
import dev.slim4j.ir.op.Pad;
import dev.slim4j.ir.op.Range;
import dev.slim4j.ir.op.Reshape;
import dev.slim4j.ir.op.ShapeOf;
import dev.slim4j.ir.op.ShapeOp;
import dev.slim4j.ir.op.Size;
import dev.slim4j.ir.op.Slice;
import dev.slim4j.ir.op.SpaceToDepth;
import dev.slim4j.ir.op.Split;
import dev.slim4j.ir.op.Squeeze;
import dev.slim4j.ir.op.Tile;
import dev.slim4j.ir.op.Transpose;
import dev.slim4j.ir.op.UnsupportedOpException;
import dev.slim4j.ir.op.Unsqueeze;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reference semantics of the data-movement family. Views (Reshape, Flatten, Squeeze, Unsqueeze)
 * share the input's storage; the rest copy elements byte for byte ({@link LayoutReference},
 * {@link SliceReference}), so every element type is exact.
 */
final class ShapeReference {
    private ShapeReference() {}

    static List<Tensor> evaluate(ShapeOp op, List<Tensor> in, int outputCount) {
        Tensor x = optional(in, 0); // Constant has no inputs
        return switch (op) {
            case Identity i -> List.of(x);
            case Flatten f -> List.of(x.reshape(f.outputShape(x.shape())));
            case Reshape r -> List.of(x.reshape(r.outputShape(x.shape(), Axes.values(in.get(1)))));
            case Squeeze s -> List.of(x.reshape(Squeeze.outputShape(x.shape(),
                    s.axes().isPresent() ? Axes.array(s.axes().get()) : valuesOrNull(in, 1))));
            case Unsqueeze u -> List.of(x.reshape(Unsqueeze.outputShape(x.shape(),
                    u.axes().isPresent() ? Axes.array(u.axes().get()) : Axes.values(in.get(1)))));
            case ShapeOf s -> List.of(shape(s, x.shape()));
            case Size s -> List.of(Tensor.scalarLong(x.size()));
            case Constant c -> List.of(c.tensor());
            case ConstantOfShape c -> List.of(ElementMap.filled(c.value().orElse(Tensor.scalar(0f)),
                    Shape.ofLongs(Axes.values(x))));
            case Range r -> List.of(range(x, in.get(1), in.get(2)));
            case Dropout d -> dropout(d, in, outputCount);
            case Transpose t -> List.of(LayoutReference.transpose(t, x));
            case Expand e -> List.of(LayoutReference.expand(x, Axes.values(in.get(1))));
            case Tile t -> List.of(LayoutReference.tile(x, Axes.values(in.get(1))));
            case DepthToSpace d -> List.of(LayoutReference.depthToSpace(d, x));
            case SpaceToDepth s -> List.of(LayoutReference.spaceToDepth(s, x));
            case Concat c -> List.of(LayoutReference.concat(c, in));
            case Split s -> LayoutReference.split(s, x, splitSizes(s, in), outputCount);
            case Gather g -> List.of(LayoutReference.gather(g, x, in.get(1)));
            case Slice s when s.hasAttributes() -> List.of(SliceReference.slice(x, Axes.array(s.starts().get()),
                    Axes.array(s.ends().get()), s.axes().map(Axes::array).orElse(null), null));
            case Slice s -> List.of(SliceReference.slice(x, Axes.values(in.get(1)), Axes.values(in.get(2)),
                    valuesOrNull(in, 3), valuesOrNull(in, 4)));
            case Pad p -> List.of(SliceReference.pad(p, x, Pad.forAllAxes(p.pads().isPresent()
                    ? Axes.array(p.pads().get()) : Axes.values(in.get(1)), valuesOrNull(in, 3), x.rank()),
                    padValue(p, x.dtype(), optional(in, 2))));
        };
    }

    static Tensor optional(List<Tensor> in, int i) { return i < in.size() ? in.get(i) : null; }

    private static long[] valuesOrNull(List<Tensor> in, int i) {
        Tensor t = optional(in, i);
        return t == null ? null : Axes.values(t);
    }

    private static long[] splitSizes(Split s, List<Tensor> in) {
        return s.split().isPresent() ? Axes.array(s.split().get()) : valuesOrNull(in, 1);
    }

    private static Tensor shape(ShapeOf s, Shape shape) {
        long[] dims = shape.toLongArray();
        return Tensor.vector(Arrays.copyOfRange(dims, s.from(dims.length), s.to(dims.length)));
    }

    /** A one-element tensor of {@code dtype} holding the constant pad value (0 when not given). */
    private static Tensor padValue(Pad p, DType dtype, Tensor input) {
        if (input != null) return input;
        Tensor v = Tensor.allocate(dtype, Shape.scalar());
        v.setDouble(0, p.value().orElse(0f));
        return v;
    }

    private static Tensor range(Tensor start, Tensor limit, Tensor delta) {
        long n = Range.count(start, limit, delta);
        Tensor out = Tensor.allocate(start.dtype(), Shape.ofLongs(n));
        for (long i = 0; i < n; i++) {
            if (start.dtype().isFloatingPoint()) out.setDouble(i, start.getDouble(0) + i * delta.getDouble(0));
            else out.setLong(i, start.getLong(0) + i * delta.getLong(0));
        }
        return out;
    }

    private static List<Tensor> dropout(Dropout d, List<Tensor> in, int outputCount) {
        Tensor training = optional(in, 2);
        Tensor ratio = optional(in, 1);
        double r = ratio != null ? ratio.getDouble(0) : d.ratio().orElse(Dropout.DEFAULT_RATIO);
        if (training != null && training.getBoolean(0) && r != 0) {
            throw new UnsupportedOpException("Dropout", "", 0, "training_mode with ratio " + r + " is random");
        }
        List<Tensor> out = new ArrayList<>(List.of(in.get(0)));
        if (outputCount > 1) {
            Tensor mask = Tensor.allocate(DType.BOOL, in.get(0).shape());
            for (long i = 0; i < mask.size(); i++) mask.setLong(i, 1);
            out.add(mask);
        }
        return out;
    }
}
