package dev.slim4j.compress.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.Model;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.train.optim.ParameterSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SoftFilterPruningTest {
    /** Filters of L2 norm 5, 1, 3, 2 (rows of a [4, 2] weight): at ratio 0.5 rows 1 and 3 and their biases go to zero. */
    @Test void zeroesTheSmallestNormFiltersAndTheirBiasesButNotTheNextLayersInputs() {
        float[] w = {3, 4, 1, 0, 0, 3, 0, 2};
        float[] b = {1, 2, 3, 4};
        float[] next = {1, 1, 1, 1};
        Graph.Builder gb = Graph.builder("g");
        gb.initializer("w", Tensor.ofFloats(Shape.of(4, 2), w.clone())).initializer("b", Tensor.ofFloats(Shape.of(4), b.clone()))
                .initializer("next", Tensor.ofFloats(Shape.of(1, 4), next.clone()));
        Model model = Model.of(gb.build());
        ChannelRef rw = new ChannelRef("w", 0, 4, TensorRole.FILTER);
        ChannelRef rb = new ChannelRef("b", 0, 4, TensorRole.BIAS);
        ChannelRef rn = new ChannelRef("next", 1, 4, TensorRole.INPUT_WEIGHT);
        List<Channel> channels = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            channels.add(new Channel(List.of(new ChannelIndex(rw, c), new ChannelIndex(rb, c), new ChannelIndex(rn, c))));
        }
        PruningGroup g = new PruningGroup(0, List.of(rw, rb, rn), channels, Optional.empty());
        ParameterSet ps = new ParameterSet().add("w", w).add("b", b).add("next", next);
        Map<String, Integer> zeroed = new SoftFilterPruning(model, List.of(g), 0.5).zeroWeakest(ps);
        assertEquals(Map.of("w[0]", 2), zeroed);
        assertArrayEquals(new float[] {3, 4, 0, 0, 0, 3, 0, 0}, ps.get("w").values());
        assertArrayEquals(new float[] {1, 0, 3, 0}, ps.get("b").values());
        assertArrayEquals(new float[] {1, 1, 1, 1}, ps.get("next").values());
        assertThrows(IllegalArgumentException.class, () -> new SoftFilterPruning(model, List.of(g), 1.0));
    }
}
