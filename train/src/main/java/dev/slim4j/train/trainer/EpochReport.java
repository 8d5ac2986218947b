package dev.slim4j.train.trainer;

/** One finished training epoch (counted from 1): mean loss and accuracy over its batches, time and throughput. */
public record EpochReport(int epoch, int epochs, double loss, double accuracy, long images, double seconds,
                          double imagesPerSecond) {}
