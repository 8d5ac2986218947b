package dev.slim4j.train.trainer;

import dev.slim4j.tensor.Tensor;

/** How many rows of a [N, C] logits tensor have their highest score (lowest index among ties) at the label. */
final class Accuracy {
    private Accuracy() {}

    static int correct(Tensor logits, Tensor labels) {
        int n = logits.shape().dim(0);
        int c = logits.shape().dim(1);
        float[] v = logits.floats();
        int correct = 0;
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int j = 1; j < c; j++) if (v[i * c + j] > v[i * c + best]) best = j;
            if (best == labels.getLong(i) && !Float.isNaN(v[i * c + best])) correct++;
        }
        return correct;
    }
}
