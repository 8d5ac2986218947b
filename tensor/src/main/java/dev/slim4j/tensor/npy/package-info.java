/**
 * NumPy {@code .npy} files: header versions 1.0, 2.0 and 3.0 (read), little-endian C-order data,
 * element types f2 f4 f8 i1 i2 i4 i8 u1 u2 u4 u8 b1. Fortran order and big-endian data are rejected
 * with a clear error. Depends on the tensor package only.
 */
package dev.slim4j.tensor.npy;
