/**
 * Data sets and loaders for training: the IDX file format (MNIST, Fashion-MNIST), the {@link
 * dev.slim4j.train.data.Dataset} abstraction, seeded shuffling, augmentation, normalization and
 * batching into NCHW tensors. Data sets hold their examples once as bytes; batches are made on demand.
 * Depends only on {@code dev.slim4j.tensor}; must not import the IR, kernels or runtime.
 */
package dev.slim4j.train.data;
