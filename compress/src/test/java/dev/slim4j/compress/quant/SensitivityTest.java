package dev.slim4j.compress.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.Model;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sensitivity ranking and the accuracy-aware fallback against a score whose per-layer costs are known. */
class SensitivityTest {
    private static final Map<String, Double> COST = Map.of("conv1", 1.0, "conv2", 0.3, "gemm1", 0.1);

    /** 90 points minus the cost of every node whose weight is quantized. */
    private static double score(Model m) {
        double s = 90;
        for (var e : COST.entrySet()) if (m.graph().initializers().containsKey(e.getKey() + ".weight_quantized")) s -= e.getValue();
        return s;
    }

    @Test void ranksLayersAndFallsBackUntilTheBudgetIsMet() {
        Models models = new Models(5);
        Model m = models.convNet();
        Quantizer q = new Quantizer(QuantConfig.defaults());
        Prepared p = q.prepare(m);
        ScaleTable scales = q.calibrate(p, CalibrationData.of(models.batches(2, 2, 1, 12, 12)));
        Sensitivity s = new Sensitivity(q, SensitivityTest::score);
        List<LayerSensitivity> ranking = s.analyze(p, scales, 90);
        assertEquals(List.of("conv1", "conv2", "gemm1"), ranking.stream().map(LayerSensitivity::node).toList());
        assertEquals(1.0, ranking.getFirst().drop(), 1e-9);
        Sensitivity.Fallback f = s.fallback(p, scales, 90, 0.5, ranking);
        assertTrue(f.met());
        assertEquals(List.of("conv1"), f.floatNodes());
        assertEquals(89.6, f.accuracy(), 1e-9);
        assertFalse(f.model().graph().initializers().containsKey("conv1.weight_quantized"));
        Sensitivity.Fallback none = s.fallback(p, scales, 90, 2, ranking);
        assertEquals(List.of(), none.floatNodes());
        Sensitivity.Fallback tight = s.fallback(p, scales, 90, 0.05, ranking);
        assertFalse(tight.met());
        assertEquals(List.of("conv1", "conv2"), tight.floatNodes());
    }
}
