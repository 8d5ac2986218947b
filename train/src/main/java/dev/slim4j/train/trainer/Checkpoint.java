package dev.slim4j.train.trainer;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Model;
import dev.slim4j.onnx.OnnxReader;
import dev.slim4j.onnx.OnnxWriter;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.train.optim.OptimizerState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A training checkpoint as an ordinary ONNX file: the model with its current weights and running
 * statistics, the optimizer's buffers as extra initializers named
 * {@code slim4j.optimizer/BUFFER/UPDATES/PARAMETER} (no node reads them, so ONNX Runtime still loads the
 * file), and the epoch, step count and optimizer kind in the metadata. Written atomically.
 */
public record Checkpoint(Model model, TrainingState state, String optimizer) {
    static final String PREFIX = "slim4j.optimizer/";
    static final String EPOCHS = "slim4j.checkpoint.epochs";
    static final String STEPS = "slim4j.checkpoint.steps";
    static final String OPTIMIZER = "slim4j.checkpoint.optimizer";

    /** Writes {@code model} (its graph free of optimizer initializers) with {@code state} to {@code file}. */
    public static void write(Path file, Model model, TrainingState state, String optimizer) {
        Graph.Builder b = model.graph().toBuilder();
        for (OptimizerState.Slot s : state.optimizer().slots()) {
            b.initializer(PREFIX + s.buffer() + "/" + s.updates() + "/" + s.parameter(),
                    Tensor.ofFloats(Shape.of(s.values().length), s.values().clone()));
        }
        Model m = model.withGraph(b.build()).withMetadata(EPOCHS, Integer.toString(state.epochsDone()))
                .withMetadata(STEPS, Long.toString(state.optimizer().steps())).withMetadata(OPTIMIZER, optimizer);
        OnnxWriter.write(m, file);
    }

    /** Reads a checkpoint; fails naming the file when it is a plain model without training state. */
    public static Checkpoint read(Path file) {
        Model m = OnnxReader.read(file);
        Map<String, String> meta = m.metadata();
        if (!meta.containsKey(EPOCHS) || !meta.containsKey(STEPS) || !meta.containsKey(OPTIMIZER)) {
            throw new IllegalArgumentException(file + " is not a slim4j checkpoint: metadata " + EPOCHS + ", " + STEPS
                    + " and " + OPTIMIZER + " expected, found " + meta.keySet());
        }
        Graph.Builder b = m.graph().toBuilder();
        List<OptimizerState.Slot> slots = new ArrayList<>();
        for (var e : m.graph().initializers().entrySet()) {
            if (!e.getKey().startsWith(PREFIX)) continue;
            String[] parts = e.getKey().substring(PREFIX.length()).split("/", 3);
            if (parts.length != 3) throw new IllegalArgumentException(file + ": malformed optimizer initializer '" + e.getKey() + "'");
            slots.add(new OptimizerState.Slot(parts[2], parts[0], number(file, parts[1]), e.getValue().floats().clone()));
            b.initializers.remove(e.getKey());
        }
        var state = new TrainingState((int) number(file, meta.get(EPOCHS)), new OptimizerState(number(file, meta.get(STEPS)), slots));
        java.util.LinkedHashMap<String, String> kept = new java.util.LinkedHashMap<>(meta);
        kept.keySet().removeAll(List.of(EPOCHS, STEPS, OPTIMIZER));
        Model clean = new Model(b.build(), m.irVersion(), m.opsetImports(), m.producerName(), m.producerVersion(),
                m.domain(), m.modelVersion(), m.docString(), kept, m.raw());
        return new Checkpoint(clean, state, meta.get(OPTIMIZER));
    }

    private static long number(Path file, String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": expected a number in the checkpoint, found '" + s + "'");
        }
    }
}
