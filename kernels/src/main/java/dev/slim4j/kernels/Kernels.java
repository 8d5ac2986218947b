package dev.slim4j.kernels;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Chooses the kernel implementations once, when first used: the Vector API versions when
 * {@code jdk.incubator.vector} is in the boot layer and its preferred float species has at least 8 lanes,
 * unless {@code -Dslim4j.kernels.scalar=true}; otherwise the scalar references. The int8 GEMM is the project's
 * native kernel when it was built and the CPU has AVX-512 VNNI or AVX2, else plain Java. The reason for a fallback
 * is logged once.
 */
public final class Kernels {
    private static final Logger LOG = System.getLogger(Kernels.class.getName());
    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final Optional<String> FALLBACK_REASON = chooseFallbackReason();
    private static final Gemm GEMM = FALLBACK_REASON.isEmpty() ? VectorKernels.gemm() : new ScalarGemm();
    private static final Conv CONV = FALLBACK_REASON.isEmpty() ? new Im2colConv(GEMM) : new ScalarConv();
    private static final DepthwiseConv DEPTHWISE = FALLBACK_REASON.isEmpty() ? VectorKernels.depthwise()
            : new ScalarDepthwiseConv();
    private static final Int8Depthwise INT8_DEPTHWISE = FALLBACK_REASON.isEmpty() ? VectorKernels.int8Depthwise()
            : new ScalarInt8Depthwise();
    private static final Pooling POOLING = FALLBACK_REASON.isEmpty() ? VectorKernels.pooling() : new ScalarPooling();
    private static final Elementwise ELEMENTWISE = FALLBACK_REASON.isEmpty() ? VectorKernels.elementwise()
            : new ScalarElementwise();
    private static final Optional<DirectConv> DIRECT = FALLBACK_REASON.isEmpty()
            ? Optional.of(VectorKernels.directConv()) : Optional.empty();
    private static final WinogradConv WINOGRAD_2 = new WinogradConv(WinogradVariant.F2X2_3X3, GEMM);
    private static final WinogradConv WINOGRAD_4 = new WinogradConv(WinogradVariant.F4X4_3X3, GEMM);
    private static final SparseGemm SPARSE_GEMM = FALLBACK_REASON.isEmpty() ? VectorKernels.sparseGemm()
            : new ScalarSparseGemm();
    private static final NativeKernels NATIVE = NativeKernels.load();
    private static final Int8Gemm INT8_GEMM = NATIVE.int8Gemm().orElseGet(ScalarInt8Gemm::new);

    static {
        FALLBACK_REASON.ifPresent(reason -> LOG.log(Level.INFO, "slim4j kernels: scalar path, " + reason));
        if (!NATIVE.reason().isEmpty()) {
            LOG.log(Level.INFO, "slim4j kernels: int8 GEMM in plain Java, " + NATIVE.reason());
        }
    }

    private Kernels() {}

    /** The chosen GEMM. */
    public static Gemm gemm() {
        return GEMM;
    }

    /** The chosen sparse (CSR) weight x dense activation GEMM. */
    public static SparseGemm sparseGemm() {
        return SPARSE_GEMM;
    }

    /** The chosen convolution. */
    public static Conv conv() {
        return CONV;
    }

    /** The direct (stride-phase layout) convolution; empty on the scalar path, where {@link #conv} serves. */
    public static Optional<DirectConv> directConv() {
        return DIRECT;
    }

    /** The chosen depthwise convolution. */
    public static DepthwiseConv depthwiseConv() {
        return DEPTHWISE;
    }

    /** The chosen depthwise convolution of channels-last uint8 images. */
    public static Int8Depthwise int8Depthwise() {
        return INT8_DEPTHWISE;
    }

    /** The chosen pooling kernels. */
    public static Pooling pooling() {
        return POOLING;
    }

    /** The chosen element-wise kernels (binary, activations, scale+shift, softmax). */
    public static Elementwise elementwise() {
        return ELEMENTWISE;
    }

    /** Winograd convolution of the given variant over the chosen GEMM (see {@link WinogradConv#supports}). */
    public static WinogradConv winograd(WinogradVariant variant) {
        return switch (variant) {
            case F2X2_3X3 -> WINOGRAD_2;
            case F4X4_3X3 -> WINOGRAD_4;
        };
    }

    /** The chosen uint8 x int8 -> int32 GEMM: a native kernel (VNNI, else AVX2) where it loads, else plain Java. */
    public static Int8Gemm int8Gemm() {
        return INT8_GEMM;
    }

    /** Why the int8 GEMM is the plain-Java one, or empty when the native kernel is used. */
    public static Optional<String> int8FallbackReason() {
        return NATIVE.reason().isEmpty() ? Optional.empty() : Optional.of(NATIVE.reason());
    }

    /** Whether the Vector API kernels were chosen. */
    public static boolean vectorized() {
        return FALLBACK_REASON.isEmpty();
    }

    /** Why the scalar kernels were chosen, or empty when the vector ones were. */
    public static Optional<String> fallbackReason() {
        return FALLBACK_REASON;
    }

    /** A vector GEMM with explicit cache blocking, for tuning and benchmarks; fails where it is unusable. */
    public static Gemm vectorGemm(GemmBlocking blocking) {
        FALLBACK_REASON.ifPresent(reason -> {
            throw new UnsupportedOperationException("vector GEMM unavailable: " + reason);
        });
        return VectorKernels.gemm(blocking);
    }

    private static Optional<String> chooseFallbackReason() {
        if (KernelProperties.forceScalar()) {
            return Optional.of("forced by -D" + KernelProperties.FORCE_SCALAR + "=true");
        }
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            return Optional.of("module " + VECTOR_MODULE + " is not in the boot layer (run with --add-modules "
                    + VECTOR_MODULE + ")");
        }
        return VectorKernels.unusableReason();
    }
}
