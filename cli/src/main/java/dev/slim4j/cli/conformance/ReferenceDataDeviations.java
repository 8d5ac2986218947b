package dev.slim4j.cli.conformance;

import java.util.Map;
import java.util.Optional;

/**
 * Tests whose expected outputs in Debian's ONNX 1.12 test data are known to be wrong, each with the
 * evidence. Such a test is reported as a deviation, never as passed, and only when it mismatches.
 */
final class ReferenceDataDeviations {
    private static final String BF16_TRUNCATION = "ONNX 1.12 made the expected bfloat16 values by truncation; "
            + "slim4j rounds to nearest even like ONNX Runtime (BFloat16CastTest shows both agree)";

    private static final String LIKE_SHAPE = "the test feeds 'like' with shape [1] to an input the model declares "
            + "[3, 4]; slim4j rejects inputs that contradict the declared shape";

    private static final Map<String, String> KNOWN = Map.of(
            "test_cast_FLOAT_to_BFLOAT16", BF16_TRUNCATION,
            "test_castlike_FLOAT_to_BFLOAT16", LIKE_SHAPE + "; and " + BF16_TRUNCATION,
            "test_castlike_FLOAT_to_BFLOAT16_expanded", LIKE_SHAPE + "; and " + BF16_TRUNCATION,
            "test_castlike_BFLOAT16_to_FLOAT", LIKE_SHAPE,
            "test_castlike_BFLOAT16_to_FLOAT_expanded", LIKE_SHAPE);

    private ReferenceDataDeviations() {}

    static Optional<String> reason(String testName) { return Optional.ofNullable(KNOWN.get(testName)); }
}
