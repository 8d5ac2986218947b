/*
 * The requantizing epilogue's parameters, shared by the kernels: per column j
 *   q = saturate(roundHalfEven((float) (acc + offset[j]) * mul[j]) + zero) to [qmin, qmax],
 * stored as one byte at y[(row / rpi) * image_stride + row % rpi + col * channel_stride]: rpi = rows per image
 * (an image's output positions), so a convolution writes its channel planes directly. mul must be finite
 * (the Java side checks): the product is then a float or an infinity, and clamping it before the conversion
 * keeps the conversion exact.
 */
#ifndef SLIM4J_REQUANT_H
#define SLIM4J_REQUANT_H
#include <stdint.h>

typedef struct {
    const int32_t *offset;
    const float *mul;
    int zero, qmin, qmax;
    uint8_t *y;
    int rpi, image_stride, channel_stride;
} requant;

#endif
