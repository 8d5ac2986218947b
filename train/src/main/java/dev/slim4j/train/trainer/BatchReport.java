package dev.slim4j.train.trainer;

/**
 * Progress after one training batch (epoch and batch counted from 1): the epoch's running mean loss and
 * accuracy so far, its throughput, the estimated seconds left in the epoch, and the learning rate used.
 */
public record BatchReport(int epoch, int epochs, int batch, int batches, double loss, double accuracy,
                          double imagesPerSecond, double etaSeconds, double learningRate) {}
