package dev.slim4j.train.trainer;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar redrawn in place ({@code \r}) at most every {@code intervalMillis}:
 * {@code epoch 2/5 [======>      ] 412/938 loss 0.4123 acc 85.12% 5120 img/s ETA 0:42}; each epoch and
 * validation ends with a line of its own.
 */
public final class ProgressBar implements TrainingListener {
    private static final int WIDTH = 24;

    private final PrintStream out;
    private final long intervalNanos;
    private long lastDraw;

    public ProgressBar(PrintStream out, long intervalMillis) {
        this.out = out;
        this.intervalNanos = intervalMillis * 1_000_000;
    }

    @Override public void onBatch(BatchReport r) {
        long now = System.nanoTime();
        if (r.batch() < r.batches() && now - lastDraw < intervalNanos) return;
        lastDraw = now;
        out.print("\r" + line(r));
        out.flush();
    }

    @Override public void onEpoch(EpochReport r) {
        out.printf(Locale.ROOT, "\repoch %d/%d done: loss %.4f acc %.2f%% %.0f img/s %.1fs%s%n", r.epoch(), r.epochs(),
                r.loss(), 100 * r.accuracy(), r.imagesPerSecond(), r.seconds(), " ".repeat(30));
    }

    @Override public void onValidation(int epoch, Evaluation e) {
        out.printf(Locale.ROOT, "  validation: loss %.4f top-1 %.2f%% top-5 %.2f%% (%d images, %.1fs)%n", e.loss(),
                100 * e.top1(), 100 * e.top5(), e.examples(), e.seconds());
    }

    /** The bar text for one batch report. */
    static String line(BatchReport r) {
        int filled = (int) ((long) WIDTH * r.batch() / r.batches());
        String bar = "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "");
        return String.format(Locale.ROOT, "epoch %d/%d [%s] %d/%d loss %.4f acc %.2f%% %.0f img/s ETA %s", r.epoch(),
                r.epochs(), bar, r.batch(), r.batches(), r.loss(), 100 * r.accuracy(), r.imagesPerSecond(),
                clock(r.etaSeconds()));
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
