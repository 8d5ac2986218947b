package dev.slim4j.runtime.plan;

import dev.slim4j.kernels.ConvGeometry;
import dev.slim4j.kernels.Int8Gemm;
import dev.slim4j.kernels.Int8Patches;
import dev.slim4j.kernels.Int8Weights;
import dev.slim4j.kernels.Requantization;
import dev.slim4j.kernels.RequantizedOutput;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.tensor.quant.QuantMath;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * QLinearConv (one group, uint8 x, int8 weights with zero point 0) in integer arithmetic: each image is copied
 * channels-last into a {@link PaddedImage} (from planes or channels-last rows), so that a patch is {@code kH} runs
 * of {@code kW * C} contiguous bytes; the patches ("im2row", small images several to one GEMM) are multiplied by
 * the weights in the same (kh, kw, c) order with the int8 GEMM, each int32 sum corrected for x_zero_point
 * ({@code acc - zx * sum_k w}), biased and requantized per output channel exactly as the reference does, by the
 * GEMM itself straight into the output's channel planes or channels-last rows (see {@link ChannelsLastValues}).
 * A 1x1 convolution without stride or padding on a channels-last input (or on 1x1 images) multiplies the input as
 * it lies. When the GEMM reads patches in place ({@link Int8Gemm#readsPatchesInPlace}, the native AVX2 kernel)
 * and there is no horizontal dilation, nothing is unfolded: the padded images of a chunk lie side by side and the
 * GEMM reads each patch's {@code kH} runs from them ({@link Int8Patches}) as it widens a block's rows.
 */
final class Int8ConvStep implements Step {
    /** Unfolded rows of several images go to one GEMM, up to this many bytes (small images, 1x1 on vectors). */
    static final long CHUNK_BYTES = 1 << 21;
    /** Bytes past the end of the padded image and of the rows, so that short runs move as whole longs. */
    private static final int SLACK = 16;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final ConvGeometry g;
    private final Int8Gemm gemm;
    private final Int8Weights weights;
    private final Requantization requantization;
    private final Operand x;
    private final Operand.Slot y;
    private final Workers workers;
    private final int imagesPerChunk;
    private final byte[] rows;
    private final PaddedImage image;
    private final boolean inputChannelsLast;
    private final boolean outputChannelsLast;
    /** A 1x1 kernel without stride or padding on channels-last input or 1x1 images: the input is the GEMM's left side. */
    private final boolean direct;
    /** The GEMM reads the patches from {@link #image}'s chunk of padded images (nothing unfolded). */
    private final boolean inPlace;

    /** {@code w}: the weights [M, C, kH, kW] as int8. */
    Int8ConvStep(ConvGeometry g, Int8Gemm gemm, byte[] w, int[] bias, float[] multiplier, int xZero,
                 long yZero, DType yType, Shape yShape, Operand x, Operand.Slot y, Workers workers,
                 boolean inputChannelsLast, boolean outputChannelsLast) {
        this.g = g;
        this.gemm = gemm;
        this.x = x;
        this.y = y;
        this.workers = workers;
        int spatial = g.outHeight() * g.outWidth();
        this.inputChannelsLast = inputChannelsLast;
        this.outputChannelsLast = outputChannelsLast;
        this.direct = multipliesInputAsItLies(g, inputChannelsLast);
        this.inPlace = readsPatchesInPlace(g, gemm, inputChannelsLast);
        this.weights = Int8Weights.of(patchMajorWeights(g, w), 0, g.patchSize(), g.outChannels());
        long chunkUnit = inPlace ? PaddedImage.size(g) : (long) spatial * g.patchSize();
        this.imagesPerChunk = (int) Math.max(1, Math.min(g.batch(), CHUNK_BYTES / Math.max(1, chunkUnit)));
        this.rows = direct || inPlace ? new byte[0] : new byte[imagesPerChunk * spatial * g.patchSize() + SLACK];
        this.image = direct ? null : PaddedImage.bytes(g, xZero, SLACK, inPlace ? imagesPerChunk : 1);
        int[] offset = new int[g.outChannels()];
        for (int m = 0; m < offset.length; m++) {
            offset[m] = (bias == null ? 0 : bias[m]) - xZero * weights.columnSums()[m];
        }
        this.requantization = new Requantization(offset, multiplier.clone(), Math.toIntExact(yZero),
                (int) QuantMath.qmin(yType), (int) QuantMath.qmax(yType));
    }

    @Override public void run(Frame f) {
        byte[] xb = x.tensor(f).bytes();
        Tensor out = f.output(y);
        byte[] yb = out.bytes();
        int spatial = g.outHeight() * g.outWidth();
        int m = g.outChannels();
        int k = g.patchSize();
        if (direct) { // every pixel is already its patch row
            gemm.multiplyRequantized(g.batch() * spatial, xb, 0, k, weights, requantization, output(yb, 0),
                    workers.parallelism());
            return;
        }
        int imageBytes = g.channels() * g.height() * g.width();
        if (inPlace) {
            int paddedWidth = image.width() * g.channels();
            Int8Patches patches = new Int8Patches(image.data(), 0, image.imageSize(), g.outWidth(), spatial,
                    g.strideH() * paddedWidth, g.strideW() * g.channels(), g.kernelH(), g.dilationH() * paddedWidth,
                    g.kernelW() * g.channels());
            for (int n0 = 0; n0 < g.batch(); n0 += imagesPerChunk) {
                int count = Math.min(imagesPerChunk, g.batch() - n0);
                for (int i = 0; i < count; i++) image.load(xb, (n0 + i) * imageBytes, inputChannelsLast, i);
                gemm.multiplyPatchesRequantized(count * spatial, patches, weights, requantization, output(yb, n0),
                        workers.parallelism());
            }
            return;
        }
        for (int n0 = 0; n0 < g.batch(); n0 += imagesPerChunk) {
            int count = Math.min(imagesPerChunk, g.batch() - n0);
            for (int i = 0; i < count; i++) {
                image.load(xb, (n0 + i) * g.channels() * g.height() * g.width(), inputChannelsLast);
                unfold(i * spatial * k);
            }
            gemm.multiplyRequantized(count * spatial, rows, 0, k, weights, requantization, output(yb, n0),
                    workers.parallelism());
        }
    }

    /** True for a 1x1 kernel without stride or padding on channels-last input or 1x1 images. */
    static boolean multipliesInputAsItLies(ConvGeometry g, boolean inputChannelsLast) {
        return g.kernelH() == 1 && g.kernelW() == 1 && g.strideH() == 1 && g.strideW() == 1
                && g.padTop() + g.padLeft() + g.padBottom() + g.padRight() == 0
                && (inputChannelsLast || g.height() == 1 && g.width() == 1);
    }

    /**
     * True when the step reads patches in place: {@code gemm} can, the kernel has no horizontal dilation, and the
     * input is not already the GEMM's left side.
     */
    static boolean readsPatchesInPlace(ConvGeometry g, Int8Gemm gemm, boolean inputChannelsLast) {
        return gemm.readsPatchesInPlace() && g.dilationW() == 1 && !multipliesInputAsItLies(g, inputChannelsLast);
    }

    /** The weights [M, C, kH, kW] as the GEMM's right-hand side: row {@code (kh*kW + kw)*C + c}, column m. */
    static byte[] patchMajorWeights(ConvGeometry g, byte[] w) {
        int m = g.outChannels(), c = g.channels(), kh = g.kernelH(), kw = g.kernelW();
        byte[] out = new byte[m * c * kh * kw];
        for (int oc = 0; oc < m; oc++) {
            for (int ch = 0; ch < c; ch++) {
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        out[((i * kw + j) * c + ch) * m + oc] = w[((oc * c + ch) * kh + i) * kw + j];
                    }
                }
            }
        }
        return out;
    }

    /** Where the GEMM rows of images from {@code firstImage} on go: channel planes or channels-last rows. */
    private RequantizedOutput output(byte[] yb, int firstImage) {
        int spatial = g.outHeight() * g.outWidth();
        int m = g.outChannels();
        return outputChannelsLast ? RequantizedOutput.rows(yb, firstImage * spatial * m, m)
                : RequantizedOutput.planes(yb, firstImage * spatial * m, spatial, m);
    }

    /**
     * {@code run} bytes from {@code padded[src]} (the padded image) to {@code rows[dst]}: up to 16 as one or two longs (the bytes
     * written past the run are overwritten by the next run or land in the slack), longer ones by arraycopy,
     * whose call costs more than the copy for the 5-30 byte runs of small 5x5 layers.
     */
    private void copyRun(byte[] padded, int src, int dst, int run) {
        if (run <= 8) {
            LONGS.set(rows, dst, (long) LONGS.get(padded, src));
        } else if (run <= 16) {
            LONGS.set(rows, dst, (long) LONGS.get(padded, src));
            LONGS.set(rows, dst + 8, (long) LONGS.get(padded, src + 8));
        } else {
            System.arraycopy(padded, src, rows, dst, run);
        }
    }

    /**
     * Row {@code oh*outW + ow} (from {@code rowsOff}) holds the patch of output (oh, ow), column
     * {@code (kh*kW + kw)*C + c}: per kernel row one copy of {@code kW * C} bytes (without horizontal dilation).
     */
    private void unfold(int rowsOff) {
        byte[] padded = image.data();
        int paddedWidth = image.width();
        int c = g.channels();
        int run = g.kernelW() * c;
        int outH = g.outHeight();
        int outW = g.outWidth();
        int kernelH = g.kernelH();
        int rowStep = g.dilationH() * paddedWidth * c;
        int colStep = g.strideW() * c;
        int dst = rowsOff;
        for (int oh = 0; oh < outH; oh++) {
            int rowStart = oh * g.strideH() * paddedWidth * c;
            for (int ow = 0; ow < outW; ow++) {
                int src = rowStart + ow * colStep;
                if (g.dilationW() == 1) {
                    for (int kh = 0; kh < kernelH; kh++, src += rowStep, dst += run) {
                        copyRun(padded, src, dst, run);
                    }
                    continue;
                }
                for (int kh = 0; kh < kernelH; kh++, src += rowStep) {
                    for (int kw = 0; kw < g.kernelW(); kw++, dst += c) {
                        System.arraycopy(padded, src + kw * g.dilationW() * c, rows, dst, c);
                    }
                }
            }
        }
    }
}
