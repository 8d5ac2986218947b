package dev.slim4j.runtime.plan;

import dev.slim4j.kernels.DepthwiseConv;
import dev.slim4j.kernels.DirectConv;
import dev.slim4j.kernels.Elementwise;
import dev.slim4j.kernels.Gemm;
import dev.slim4j.kernels.Kernels;
import dev.slim4j.kernels.Pooling;
import dev.slim4j.kernels.SparseGemm;
import dev.slim4j.kernels.WinogradConv;
import dev.slim4j.kernels.WinogradVariant;

/**
 * The kernel implementations plans call (the kernels module's choice: Vector API or scalar; {@code direct} is
 * null on the scalar path), and the density
 * limits below which a constant weight runs on the sparse GEMM.
 */
record FastKernels(Gemm gemm, DirectConv direct, DepthwiseConv depthwise, Pooling pooling, Elementwise elementwise,
                   WinogradConv winograd, SparseGemm sparseGemm, SparseLimits sparse) {
    static FastKernels chosen(SparseLimits sparse) {
        return new FastKernels(Kernels.gemm(), Kernels.directConv().orElse(null), Kernels.depthwiseConv(),
                Kernels.pooling(), Kernels.elementwise(),
                Kernels.winograd(WinogradVariant.F4X4_3X3), Kernels.sparseGemm(), sparse);
    }
}
