package dev.slim4j.cli.train;

import dev.slim4j.cli.UsageException;
import dev.slim4j.ir.Model;
import dev.slim4j.onnx.OnnxReader;
import dev.slim4j.train.zoo.ModelZoo;
import java.nio.file.Files;
import java.nio.file.Path;

/** What {@code --model} names: a zoo model (built from the seed) or an ONNX file; checked before any work. */
record ModelSource(String text) {
    /** Fails with a usage error naming the zoo models unless {@code text} is one of them or an existing file. */
    static ModelSource of(String text) {
        if (text == null) throw new UsageException("--model NAME|PATH.onnx is required; zoo models: " + ModelZoo.names());
        if (!ModelZoo.contains(text) && !Files.isRegularFile(Path.of(text))) {
            throw new UsageException("unknown model '" + text + "': expected a zoo model, one of " + ModelZoo.names()
                    + ", or an existing .onnx file");
        }
        return new ModelSource(text);
    }

    boolean isZoo() { return ModelZoo.contains(text); }

    Model load(long seed) { return isZoo() ? ModelZoo.build(text, seed) : OnnxReader.read(Path.of(text)); }
}
