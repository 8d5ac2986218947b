package dev.slim4j.compress.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slim4j.ir.Model;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.train.data.Dataset;
import dev.slim4j.train.data.FashionMnist;
import dev.slim4j.train.optim.ParameterSet;
import dev.slim4j.train.trainer.Trainer;
import dev.slim4j.train.trainer.TrainerConfig;
import dev.slim4j.train.zoo.ModelZoo;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The L1 subgradient on BatchNorm scales, and its effect on a real training run. */
class SlimmingPenaltyTest {
    @Test void addsStrengthTimesTheSignOfEachScaleToItsGradient() {
        ParameterSet ps = new ParameterSet().add("bn.scale", new float[] {0.5f, -2f, 0f}, new float[] {1f, 1f, 1f})
                .add("fc.weight", new float[] {3f}, new float[] {1f});
        new SlimmingPenalty(0.25, Set.of("bn.scale")).addSubgradient(ps);
        assertArrayEquals(new float[] {1.25f, 0.75f, 1f}, ps.get("bn.scale").gradient());
        assertArrayEquals(new float[] {1f}, ps.get("fc.weight").gradient(), "only the scales are penalized");
    }

    @Test void findsTheBatchNormScalesOfAZooModelAndRefusesAModelWithout() {
        Model bn = ModelZoo.build("mlp500-bn", 0);
        Set<String> scales = SlimmingPenalty.of(bn, 1e-4).scales();
        assertEquals(2, scales.size(), scales.toString());
        var e = assertThrows(IllegalArgumentException.class, () -> SlimmingPenalty.of(ModelZoo.build("lenet300", 0), 1e-4));
        assertTrue(e.getMessage().contains("BatchNormalization"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SlimmingPenalty(-1, Set.of()));
    }

    /** With the penalty the scales' L1 norm ends lower than without, on the same seed and data. */
    @Test void sparsityTrainingShrinksTheScales() {
        assumeTrue(Files.isDirectory(FashionMnist.DEFAULT_DIRECTORY), "Debian package dataset-fashion-mnist not installed");
        Dataset data = FashionMnist.train().limit(1024);
        Model model = ModelZoo.build("mlp500-bn", 0);
        SlimmingPenalty penalty = SlimmingPenalty.of(model, 5e-2);
        TrainerConfig c = TrainerConfig.defaults().withSeed(2);
        Model plain = new Trainer(model, c).fit(data, null).model();
        Model sparse = new Trainer(model, c).addListener(penalty).fit(data, null).model();
        double a = SlimmingPenalty.l1(plain, penalty.scales());
        double b = SlimmingPenalty.l1(sparse, penalty.scales());
        assertTrue(b < 0.9 * a, "L1 with penalty " + b + ", without " + a);
    }
}
