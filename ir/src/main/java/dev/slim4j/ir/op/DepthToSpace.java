package dev.slim4j.ir.op;

import dev.slim4j.ir.Attributes;
import dev.slim4j.ir.Dim;
import dev.slim4j.ir.TensorType;
import dev.slim4j.tensor.ShapeException;
import java.util.List;
import java.util.Optional;

/**
 * Moves channel blocks into space: [N, C, H, W] to [N, C/b^2, H*b, W*b]. Mode DCR (default) takes
 * depth-column-row order, CRD column-row-depth; {@code mode} keeps whether the node named it.
 */
public record DepthToSpace(long blocksize, Optional<String> mode) implements ShapeOp {
    public DepthToSpace {
        if (blocksize < 1) throw new ShapeException("expected DepthToSpace blocksize >= 1, found " + blocksize);
        if (mode.isPresent() && !mode.get().equals("DCR") && !mode.get().equals("CRD")) {
            throw new UnsupportedOpException("DepthToSpace", "", 0, "mode '" + mode.get() + "', expected DCR or CRD");
        }
    }

    @Override public String opType() { return "DepthToSpace"; }

    @Override public Attributes attributes() {
        return Attributes.builder().put("blocksize", blocksize).put("mode", mode.orElse(null)).build();
    }

    public boolean crd() { return mode.orElse("DCR").equals("CRD"); }

    @Override public List<TensorType> inferTypes(InferenceContext ctx) {
        TensorType x = ctx.inputType(0);
        if (!x.hasRank()) return List.of(TensorType.of(x.dtype(), Dims.unknown(4)));
        if (x.rank() != 4) throw new ShapeException("expected DepthToSpace input of rank 4, found " + x);
        long b = blocksize;
        Dim c = x.dim(1);
        if (c.isFixed() && c.size() % (b * b) != 0) {
            throw new ShapeException("expected DepthToSpace channels divisible by " + b * b + ", found " + c);
        }
        return List.of(TensorType.of(x.dtype(), List.of(x.dim(0), c.isFixed() ? Dim.of(c.size() / (b * b)) : Dim.unknown(),
                scale(x.dim(2), b), scale(x.dim(3), b))));
    }

    static Dim scale(Dim d, long b) { return d.isFixed() ? Dim.of(d.size() * b) : Dim.unknown(); }
}
