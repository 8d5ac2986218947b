package dev.slim4j.runtime.plan;

import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import java.lang.foreign.MemorySegment;

/**
 * Where a value lives while a plan runs: a compile-time constant, a region of the arena, or a tensor slot
 * filled at run time (graph inputs and reference results). Fast steps read float32 data as (array, offset).
 */
sealed interface Operand {
    DType dtype();

    /** The concrete shape, or null when only known at run time. */
    Shape shape();

    float[] array(Frame f);

    int offset(Frame f);

    /** The value as a tensor (a view for arena values, valid until the region is reused). */
    Tensor tensor(Frame f);

    /** A constant (initializer, Constant node or folded at compile time). */
    record Constant(Tensor value, float[] floats) implements Operand {
        static Constant of(Tensor t) {
            return new Constant(t, t.dtype() == DType.FLOAT32 ? t.floats() : null);
        }

        @Override public DType dtype() { return value.dtype(); }

        @Override public Shape shape() { return value.shape(); }

        @Override public float[] array(Frame f) { return floats; }

        @Override public int offset(Frame f) { return 0; }

        @Override public Tensor tensor(Frame f) { return value; }
    }

    /** A float32 value stored in the arena at {@code buffer.offset}. */
    record Arena(Shape shape, ArenaBuffer buffer) implements Operand {
        @Override public DType dtype() { return DType.FLOAT32; }

        @Override public float[] array(Frame f) { return f.arena; }

        @Override public int offset(Frame f) { return buffer.offset; }

        @Override public Tensor tensor(Frame f) {
            long bytes = 4L * buffer.offset;
            return Tensor.wrap(DType.FLOAT32, shape, MemorySegment.ofArray(f.arena).asSlice(bytes, 4L * shape.size()));
        }
    }

    /** A tensor set at run time in slot {@code slot}; {@code shape} is the planned shape or null. */
    record Slot(int slot, DType dtype, Shape shape) implements Operand {
        @Override public float[] array(Frame f) {
            Tensor t = f.tensors[slot];
            if (t.segment().heapBase().orElse(null) instanceof float[] a && t.dtype() == DType.FLOAT32) return a;
            Tensor copy = t.copy();
            f.tensors[slot] = copy;
            return copy.floats();
        }

        @Override public int offset(Frame f) {
            return (int) (f.tensors[slot].segment().address() / 4);
        }

        @Override public Tensor tensor(Frame f) { return f.tensors[slot]; }
    }
}
