package dev.slim4j.compress.quant;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.TensorType;
import dev.slim4j.ir.Value;
import dev.slim4j.runtime.Session;
import dev.slim4j.tensor.DType;
import dev.slim4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/**
 * Runs the reference {@link Session} over the calibration batches on a copy of the graph whose outputs
 * are the observed values, and streams each value into its observer. The user's model is not touched.
 */
final class Calibrator {
    private Calibrator() {}

    static ScaleTable run(Prepared prepared, CalibrationData data) {
        QuantConfig config = prepared.config();
        Graph g = prepared.model().graph();
        Graph.Builder b = g.toBuilder();
        b.outputs.clear();
        SequencedMap<String, Observer> observers = new LinkedHashMap<>();
        for (String v : prepared.observed()) {
            b.output(new Value(v, g.typeOf(v).orElse(TensorType.unranked(DType.FLOAT32))));
            observers.put(v, config.method().newObserver(config.activations()));
        }
        Model probe = prepared.model().withGraph(b.build());
        int batches = 0;
        try (Session session = Session.create(probe)) {
            for (Map<String, Tensor> feeds : data.batches(g.runtimeInputs())) {
                Map<String, Tensor> values = session.run(feeds);
                for (var e : observers.entrySet()) e.getValue().observe(values.get(e.getKey()));
                batches++;
            }
        }
        if (batches == 0 && !observers.isEmpty()) throw new IllegalArgumentException("calibration data holds no batches");
        SequencedMap<String, TensorScale> scales = new LinkedHashMap<>();
        for (var e : observers.entrySet()) {
            Range r = e.getValue().range();
            scales.put(e.getKey(), new TensorScale(r, config.activations().params(r)));
        }
        return new ScaleTable(config.method().label(), config.activations(), scales);
    }
}
