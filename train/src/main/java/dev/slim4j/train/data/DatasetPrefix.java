package dev.slim4j.train.data;

import dev.slim4j.tensor.Shape;
import java.util.Objects;

/** The first {@code size} examples of another data set; see {@link Dataset#limit}. */
record DatasetPrefix(Dataset source, int size) implements Dataset {
    DatasetPrefix {
        Objects.requireNonNull(source, "source");
        if (size < 1 || size > source.size()) {
            throw new IllegalArgumentException("prefix of " + size + " examples of a data set of " + source.size());
        }
    }

    @Override public int classCount() { return source.classCount(); }

    @Override public Shape exampleShape() { return source.exampleShape(); }

    @Override public Example get(int index) {
        Objects.checkIndex(index, size);
        return source.get(index);
    }

    @Override public int label(int index) {
        Objects.checkIndex(index, size);
        return source.label(index);
    }
}
