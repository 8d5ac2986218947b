package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.Dim;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.ShapeException;
import java.util.List;

/** Moves b x b spatial blocks into channels: [N, C, H, W] to [N, C*b^2, H/b, W/b], the inverse of DCR DepthToSpace. */
public record SpaceToDepth(long blocksize) implements ShapeOp {
    public SpaceToDepth {
        if (blocksize < 1) throw new ShapeException("expected SpaceToDepth blocksize >= 1, found " + blocksize);
    }

    @Override public String opType() { return "SpaceToDepth"; }

    @Override public Attributes attributes() { return Attributes.builder().put("blocksize", blocksize).build(); }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        TensorType x = ctx.inputType(0);
        if (!x.hasRank()) return List.of(TensorType.of(x.dtype(), Dims.unknown(4)));
        if (x.rank() != 4) throw new ShapeException("expected SpaceToDepth input of rank 4, found " + x);
        long b = blocksize;
        return List.of(TensorType.of(x.dtype(), List.of(x.dim(0),
                x.dim(1).isFixed() ? Dim.of(x.dim(1).size() * b * b) : Dim.unknown(), shrink(x.dim(2)), shrink(x.dim(3)))));
    }

    private Dim shrink(Dim d) {
        if (!d.isFixed()) return Dim.unknown();
        if (d.size() % blocksize != 0) {
            throw new ShapeException("expected SpaceToDepth spatial dims divisible by " + blocksize + ", found " + d);
        }
        return Dim.of(d.size() / blocksize);
    }
}
