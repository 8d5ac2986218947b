package dev.slim4j.kernels;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * {@link Int8Gemm} through the project's native kernel ({@code src/main/c/int8_gemm.c}, AVX-512 VNNI
 * {@code vpdpbusd}), called with the FFM API on the Java arrays themselves (critical downcalls, no copies).
 * Threads split the column panels. Created only by {@link NativeKernels} when the library loaded and the CPU has
 * VNNI.
 */
final class NativeInt8Gemm implements Int8Gemm {
    private static final FunctionDescriptor GEMM = FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.JAVA_INT,
            ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT);
    private static final FunctionDescriptor GEMM_REQUANT = FunctionDescriptor.ofVoid(ValueLayout.ADDRESS,
            ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT);
    private static final long MIN_OPS_PER_THREAD = 1 << 21;
    /** Row parts are multiples of the tallest register block (24 rows). */
    private static final int ROW_BLOCK = 24;

    /** The library {@link NativeKernels} loaded, set before the first instance is made. */
    private static volatile SymbolLookup library;

    /**
     * The downcall handles as constants (static final), as the FFM API advises, so that the JIT can link the
     * calls directly (a profile of lenet5's INT8 run showed Invokers.checkCustomized on the instance-field
     * handles; the latency did not change measurably on this loaded machine).
     */
    private static final class Handles {
        static final MethodHandle GEMM = link("slim4j_int8_gemm", NativeInt8Gemm.GEMM);
        static final MethodHandle GEMM_REQUANT = link("slim4j_int8_gemm_requant", NativeInt8Gemm.GEMM_REQUANT);

        private static MethodHandle link(String name, FunctionDescriptor descriptor) {
            return Linker.nativeLinker().downcallHandle(library.findOrThrow(name), descriptor,
                    Linker.Option.critical(true));
        }
    }

    /** Checks that both entry points are in {@code lib} and makes it the library the handles link to. */
    NativeInt8Gemm(SymbolLookup lib) {
        lib.findOrThrow("slim4j_int8_gemm");
        lib.findOrThrow("slim4j_int8_gemm_requant");
        library = lib;
    }

    @Override
    public String name() {
        return "native-vnni-int8";
    }

    @Override
    public void multiply(int m, byte[] a, int aOff, int lda, Int8Weights b, int[] c, int cOff, int ldc,
                         Parallelism parallelism) {
        Int8Gemm.check(m, a, aOff, lda, b, c, cOff, ldc);
        if (m == 0 || b.n() == 0) return;
        int panels = Math.ceilDiv(b.n(), Int8Weights.PANEL);
        long ops = 2L * m * b.n() * b.k();
        int parts = (int) Math.min(Math.min(parallelism.threads(), panels), Math.max(1, ops / MIN_OPS_PER_THREAD));
        parallelism.run(parts, part -> {
            int from = (int) ((long) panels * part / parts) * Int8Weights.PANEL;
            int to = Math.min(b.n(), (int) ((long) panels * (part + 1) / parts) * Int8Weights.PANEL);
            if (to > from) call(m, a, aOff, lda, b, c, cOff, ldc, from, to);
        });
    }

    /**
     * Fused: each register block is requantized and stored as bytes straight from the accumulators. Threads split
     * the column panels, or the rows when there are fewer panels than threads (narrow layers).
     */
    @Override
    public void multiplyRequantized(int m, byte[] a, int aOff, int lda, Int8Weights b, Requantization rq,
                                    RequantizedOutput y, Parallelism parallelism) {
        if (!rq.finiteMultipliers()) {
            Int8Gemm.super.multiplyRequantized(m, a, aOff, lda, b, rq, y, parallelism);
            return;
        }
        Int8Gemm.checkA(m, a, aOff, lda, b);
        Int8Gemm.checkRequantized(m, b, rq, y);
        if (m == 0 || b.n() == 0) return;
        int panels = Math.ceilDiv(b.n(), Int8Weights.PANEL);
        long ops = 2L * m * b.n() * b.k();
        int parts = (int) Math.min(parallelism.threads(), Math.max(1, ops / MIN_OPS_PER_THREAD));
        if (panels >= parts) {
            parallelism.run(parts, part -> {
                int from = (int) ((long) panels * part / parts) * Int8Weights.PANEL;
                int to = Math.min(b.n(), (int) ((long) panels * (part + 1) / parts) * Int8Weights.PANEL);
                if (to > from) callRequant(a, aOff, lda, b, rq, y, 0, m, from, to);
            });
            return;
        }
        int blocks = Math.ceilDiv(m, ROW_BLOCK);
        int rowParts = Math.min(parts, blocks);
        parallelism.run(rowParts, part -> {
            int from = (int) ((long) blocks * part / rowParts) * ROW_BLOCK;
            int to = Math.min(m, (int) ((long) blocks * (part + 1) / rowParts) * ROW_BLOCK);
            if (to > from) callRequant(a, aOff, lda, b, rq, y, from, to, 0, b.n());
        });
    }

    private void callRequant(byte[] a, int aOff, int lda, Int8Weights b, Requantization rq, RequantizedOutput y,
                             int i0, int i1, int j0, int j1) {
        try {
            Handles.GEMM_REQUANT.invokeExact(MemorySegment.ofArray(a).asSlice(aOff), lda, MemorySegment.ofArray(b.packed()),
                    b.k(), i0, i1, j0, j1, MemorySegment.ofArray(rq.offset()), MemorySegment.ofArray(rq.multiplier()),
                    rq.zeroPoint(), rq.qmin(), rq.qmax(), MemorySegment.ofArray(y.data()).asSlice(y.offset()),
                    y.rowsPerImage(), y.imageStride(), y.channelStride());
        } catch (Throwable t) {
            if (t instanceof RuntimeException r) throw r;
            if (t instanceof Error e) throw e;
            throw new IllegalStateException("native requantizing int8 GEMM failed", t);
        }
    }

    private void call(int m, byte[] a, int aOff, int lda, Int8Weights b, int[] c, int cOff, int ldc, int from, int to) {
        try {
            Handles.GEMM.invokeExact(MemorySegment.ofArray(a).asSlice(aOff), lda, MemorySegment.ofArray(b.packed()),
                    MemorySegment.ofArray(c).asSlice(4L * cOff), ldc, m, b.n(), b.k(), from, to);
        } catch (Throwable t) {
            if (t instanceof RuntimeException r) throw r;
            if (t instanceof Error e) throw e;
            throw new IllegalStateException("native int8 GEMM failed", t);
        }
    }
}
