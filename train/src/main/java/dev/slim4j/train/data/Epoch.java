package dev.slim4j.train.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/** One epoch of a {@link DataLoader}: a fixed example order whose batches are built when asked for. */
public final class Epoch implements Iterable<Batch> {
    private final DataLoader loader;
    private final int number;
    private final int[] order;

    Epoch(DataLoader loader, int number, int[] order) {
        this.loader = loader;
        this.number = number;
        this.order = order;
    }

    /** The epoch number the order and augmentation were drawn for. */
    public int number() { return number; }

    /** Number of batches. */
    public int size() { return loader.batchCount(); }

    /** Dataset index of the example at {@code position} in this epoch's order. */
    public int exampleAt(int position) { return order[position]; }

    /** Batch {@code index} (0..size()-1). */
    public Batch batch(int index) {
        Objects.checkIndex(index, size());
        int b = loader.config().batchSize();
        int from = index * b;
        int to = Math.min(order.length, from + b);
        return loader.batch(number, order, from, to);
    }

    @Override public Iterator<Batch> iterator() {
        return new Iterator<>() {
            private int next;

            @Override public boolean hasNext() { return next < size(); }

            @Override public Batch next() {
                if (!hasNext()) throw new NoSuchElementException("epoch " + number + " has " + size() + " batches");
                return batch(next++);
            }
        };
    }
}
