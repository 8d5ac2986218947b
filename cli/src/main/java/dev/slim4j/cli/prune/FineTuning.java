package dev.slim4j.cli.prune;

import dev.slim4j.train.data.Dataset;
import dev.slim4j.train.data.Normalization;
import dev.slim4j.train.optim.LearningRateSchedule;
import dev.slim4j.train.optim.SgdConfig;
import dev.slim4j.train.trainer.TrainerConfig;

/**
 * The training settings every training stage of {@code prune} shares (sparsity training, gradient
 * collection, soft pruning, fine-tuning): SGD with momentum 0.9, a cosine schedule over the stage,
 * weight decay, batch, seed and threads.
 */
record FineTuning(double lr, double weightDecay, int batch, long seed, int threads, Normalization normalization) {
    FineTuning {
        if (!(lr > 0 && Double.isFinite(lr))) throw new IllegalArgumentException("--lr must be a finite number > 0, found " + lr);
        if (!(weightDecay >= 0 && Double.isFinite(weightDecay))) {
            throw new IllegalArgumentException("--weight-decay must be a finite number >= 0, found " + weightDecay);
        }
        if (batch < 1) throw new IllegalArgumentException("--batch must be >= 1, found " + batch);
        if (threads < 1) throw new IllegalArgumentException("--threads must be >= 1, found " + threads);
    }

    /** A stage of {@code epochs} over {@code train} at learning rate {@code lr}, cosine-annealed to zero. */
    TrainerConfig config(int epochs, Dataset train, double stageLr) {
        long steps = (long) epochs * ((train.size() + batch - 1) / batch);
        SgdConfig sgd = SgdConfig.defaults().withLearningRate(stageLr).withMomentum(0.9).withWeightDecay(weightDecay)
                .withSchedule(LearningRateSchedule.cosine(Math.max(2, steps), 0, 0));
        return TrainerConfig.defaults().withEpochs(epochs).withBatchSize(batch).withSeed(seed).withThreads(threads)
                .withOptimizer(sgd).withNormalization(normalization);
    }
}
