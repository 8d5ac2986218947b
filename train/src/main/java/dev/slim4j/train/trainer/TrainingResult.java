package dev.slim4j.train.trainer;

import dev.slim4j.ir.Model;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The trained model (a new one; the input model is untouched), the epochs run, and the last validation. */
public record TrainingResult(Model model, List<EpochReport> epochs, Optional<Evaluation> validation) {
    public TrainingResult {
        Objects.requireNonNull(model, "model");
        epochs = List.copyOf(epochs);
        Objects.requireNonNull(validation, "validation");
    }
}
