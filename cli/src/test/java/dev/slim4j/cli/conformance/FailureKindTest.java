package dev.slim4j.cli.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slim4j.ir.op.UnsupportedOpException;
import dev.slim4j.onnx.ModelFormatException;
import org.junit.jupiter.api.Test;

class FailureKindTest {
    @Test void onlyExplicitLimitationsAreUnsupported() {
        assertEquals(Status.UNSUPPORTED, FailureKind.whileLoading(new UnsupportedOpException("Foo", "", 17)));
        assertEquals(Status.UNSUPPORTED, FailureKind.whileLoading(new ModelFormatException("unsupported element type STRING")));
        assertEquals(Status.FAILED, FailureKind.whileLoading(new ModelFormatException("truncated varint at byte 12")));
        assertEquals(Status.FAILED, FailureKind.whileLoading(new UnsupportedOperationException("not yet")));
        assertEquals(Status.UNSUPPORTED, FailureKind.whileRunning(
                new RuntimeException("node n (Foo) failed", new UnsupportedOpException("Foo", "", 17, "mode 'x'"))));
        assertEquals(Status.FAILED, FailureKind.whileRunning(new IllegalArgumentException("unsupported axis")));
        assertEquals(Status.FAILED, FailureKind.whileRunning(new ArrayIndexOutOfBoundsException(3)));
    }
}
