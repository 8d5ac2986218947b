package dev.slim4j.kernels;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * {@link Int8Gemm} through one of the project's native kernels, called with the FFM API on the Java arrays
 * themselves (critical downcalls, no copies): {@code src/main/c/int8_gemm.c} (AVX-512 VNNI {@code vpdpbusd}) or
 * {@code src/main/c/int8_gemm_avx2.c} (AVX2, both sides widened to 16 bits, {@code vpmaddwd}). Both read the
 * same packed weights and compute the same exact sums. Threads split the column panels. Created only by
 * {@link NativeKernels} when the library loaded and the CPU has the variant's instructions.
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
    private static final FunctionDescriptor PATCHES_REQUANT = FunctionDescriptor.ofVoid(ValueLayout.ADDRESS,
            ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT);
    private static final long MIN_OPS_PER_THREAD = 1 << 21;
    /** Row parts are multiples of the tallest register block (24 rows). */
    private static final int ROW_BLOCK = 24;

    /** The instruction set a kernel variant needs, and the prefix of its entry points in the library. */
    enum Variant {
        VNNI("native-vnni-int8", "slim4j_int8_"),
        AVX2("native-avx2-int8", "slim4j_int8_avx2_");

        private final String kernelName;
        private final String prefix;

        Variant(String kernelName, String prefix) {
            this.kernelName = kernelName;
            this.prefix = prefix;
        }
    }

    /** The library {@link NativeKernels} loaded, set before the first instance is made. */
    private static volatile SymbolLookup library;

    /**
     * The downcall handles as constants (static final), as the FFM API advises, so that the JIT can link the
     * calls directly (a profile of lenet5's INT8 run showed Invokers.checkCustomized on the instance-field
     * handles; the latency did not change measurably on this loaded machine).
     */
    private static final class VnniHandles {
        static final MethodHandle GEMM = link(Variant.VNNI, "gemm", NativeInt8Gemm.GEMM);
        static final MethodHandle GEMM_REQUANT = link(Variant.VNNI, "gemm_requant", NativeInt8Gemm.GEMM_REQUANT);
    }

    private static final class Avx2Handles {
        static final MethodHandle GEMM = link(Variant.AVX2, "gemm", NativeInt8Gemm.GEMM);
        static final MethodHandle GEMM_REQUANT = link(Variant.AVX2, "gemm_requant", NativeInt8Gemm.GEMM_REQUANT);
        static final MethodHandle PATCHES_REQUANT = link(Variant.AVX2, "patches_requant",
                NativeInt8Gemm.PATCHES_REQUANT);
    }

    private static MethodHandle link(Variant variant, String function, FunctionDescriptor descriptor) {
        return Linker.nativeLinker().downcallHandle(library.findOrThrow(variant.prefix + function), descriptor,
                Linker.Option.critical(true));
    }

    private final Variant variant;

    /** Checks that the variant's entry points are in {@code lib} and makes it the library the handles link to. */
    NativeInt8Gemm(SymbolLookup lib, Variant variant) {
        lib.findOrThrow(variant.prefix + "gemm");
        lib.findOrThrow(variant.prefix + "gemm_requant");
        library = lib;
        this.variant = variant;
    }

    @Override
    public String name() {
        return variant.kernelName;
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
        split(m, b, parallelism, (i0, i1, j0, j1) -> callRequant(a, aOff, lda, b, rq, y, i0, i1, j0, j1));
    }

    /** The AVX2 kernel multiplies panels of 7-bit weights as bytes, about 1.6x faster than widened 8-bit ones. */
    @Override
    public boolean fasterWithSevenBitWeights() {
        return variant == Variant.AVX2;
    }

    /** The AVX2 kernel widens the rows of each register block from the images as it goes (the VNNI one does not). */
    @Override
    public boolean readsPatchesInPlace() {
        return variant == Variant.AVX2;
    }

    /** Fused and in place where {@link #readsPatchesInPlace}: the rows of each block are read from the images. */
    @Override
    public void multiplyPatchesRequantized(int m, Int8Patches a, Int8Weights b, Requantization rq,
                                           RequantizedOutput y, Parallelism parallelism) {
        if (!readsPatchesInPlace() || !rq.finiteMultipliers()) {
            Int8Gemm.super.multiplyPatchesRequantized(m, a, b, rq, y, parallelism);
            return;
        }
        a.check(m, b);
        Int8Gemm.checkRequantized(m, b, rq, y);
        int[] geometry = {a.imageBytes(), a.outWidth(), a.outPositions(), a.rowStride(), a.colStride(),
                a.kernelRows(), a.kernelRowStep(), a.runBytes()};
        split(m, b, parallelism, (i0, i1, j0, j1) -> callPatches(a, geometry, b, rq, y, i0, i1, j0, j1));
    }

    /** A block of rows [i0, i1) and columns [j0, j1) of the product. */
    private interface Block {
        void run(int i0, int i1, int j0, int j1);
    }

    /** Threads split the column panels, or the rows when there are fewer panels than threads (narrow layers). */
    private static void split(int m, Int8Weights b, Parallelism parallelism, Block block) {
        if (m == 0 || b.n() == 0) return;
        int panels = Math.ceilDiv(b.n(), Int8Weights.PANEL);
        long ops = 2L * m * b.n() * b.k();
        int parts = (int) Math.min(parallelism.threads(), Math.max(1, ops / MIN_OPS_PER_THREAD));
        if (panels >= parts) {
            parallelism.run(parts, part -> {
                int from = (int) ((long) panels * part / parts) * Int8Weights.PANEL;
                int to = Math.min(b.n(), (int) ((long) panels * (part + 1) / parts) * Int8Weights.PANEL);
                if (to > from) block.run(0, m, from, to);
            });
            return;
        }
        int blocks = Math.ceilDiv(m, ROW_BLOCK);
        int rowParts = Math.min(parts, blocks);
        parallelism.run(rowParts, part -> {
            int from = (int) ((long) blocks * part / rowParts) * ROW_BLOCK;
            int to = Math.min(m, (int) ((long) blocks * (part + 1) / rowParts) * ROW_BLOCK);
            if (to > from) block.run(from, to, 0, b.n());
        });
    }

    private void callPatches(Int8Patches a, int[] geometry, Int8Weights b, Requantization rq, RequantizedOutput y,
                             int i0, int i1, int j0, int j1) {
        try {
            Avx2Handles.PATCHES_REQUANT.invokeExact(MemorySegment.ofArray(a.data()).asSlice(a.offset()),
                    MemorySegment.ofArray(geometry), MemorySegment.ofArray(b.packed()), i0, i1, j0, j1,
                    MemorySegment.ofArray(rq.offset()), MemorySegment.ofArray(rq.multiplier()), rq.zeroPoint(),
                    rq.qmin(), rq.qmax(), MemorySegment.ofArray(y.data()).asSlice(y.offset()), y.rowsPerImage(),
                    y.imageStride(), y.channelStride());
        } catch (Throwable t) {
            if (t instanceof RuntimeException r) throw r;
            if (t instanceof Error e) throw e;
            throw new IllegalStateException("native int8 patch GEMM failed", t);
        }
    }

    private void callRequant(byte[] a, int aOff, int lda, Int8Weights b, Requantization rq, RequantizedOutput y,
                             int i0, int i1, int j0, int j1) {
        try {
            MethodHandle h = variant == Variant.VNNI ? VnniHandles.GEMM_REQUANT : Avx2Handles.GEMM_REQUANT;
            h.invokeExact(MemorySegment.ofArray(a).asSlice(aOff), lda, MemorySegment.ofArray(b.packed()),
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
            MethodHandle h = variant == Variant.VNNI ? VnniHandles.GEMM : Avx2Handles.GEMM;
            h.invokeExact(MemorySegment.ofArray(a).asSlice(aOff), lda, MemorySegment.ofArray(b.packed()),
                    MemorySegment.ofArray(c).asSlice(4L * cOff), ldc, m, b.n(), b.k(), from, to);
        } catch (Throwable t) {
            if (t instanceof RuntimeException r) throw r;
            if (t instanceof Error e) throw e;
            throw new IllegalStateException("native int8 GEMM failed", t);
        }
    }
}
