package dev.slim4j.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutations of a small valid model: the reader either loads the result (and it then
 * round-trips) or throws ModelFormatException; any other exception or error fails. The run length
 * is {@code -Dslim4j.fuzz.iterations} (default 20000, a few seconds). Jazzer's coverage-guided
 * version is {@link OnnxReaderFuzzTest}.
 */
class RandomMutationTest {
    @Test
    void seedModelLoads() {
        assertEquals(3, OnnxReader.read(Mutations.seedModel()).graph().nodes().size());
    }

    @Test
    void mutatedModelsFailCleanly() {
        int iterations = Integer.getInteger("slim4j.fuzz.iterations", 20_000);
        byte[] seed = Mutations.seedModel();
        SplittableRandom random = new SplittableRandom(20240601);
        for (int i = 0; i < iterations; i++) {
            byte[] bytes = Mutations.mutate(seed, random::nextInt);
            try {
                Mutations.checkReader(bytes);
            } catch (RuntimeException | Error e) {
                throw new AssertionError("iteration " + i + ", input " + HexFormat.of().formatHex(bytes) + ": " + e, e);
            }
        }
    }
}
