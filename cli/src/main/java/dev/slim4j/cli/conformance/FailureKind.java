package dev.slim4j.cli.conformance;

import dev.slim4j.ir.op.UnsupportedOpException;
import dev.slim4j.onnx.ModelFormatException;
import java.util.Locale;

/**
 * Decides whether an exception means "slim4j does not support this" (the test is unsupported) or
 * "slim4j got it wrong" (the test failed). Only explicit statements of a limitation count as
 * unsupported, so a bug can never hide as a missing feature:
 * <ul>
 *   <li>an {@link UnsupportedOpException} anywhere in the cause chain, while loading, creating the
 *       session or running;</li>
 *   <li>while loading the model or its .pb files only: a {@link ModelFormatException} or
 *       {@link IllegalArgumentException} whose message says "unsupported" or "not supported" (such
 *       as string tensors, sequence or optional values, an unknown element type).</li>
 * </ul>
 * Everything else (the reader's {@link UnsupportedOperationException} stub included, wrong
 * results, crashes, timeouts) is a failure.
 */
final class FailureKind {
    private FailureKind() {}

    static Status whileLoading(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UnsupportedOpException) return Status.UNSUPPORTED;
            if ((c instanceof ModelFormatException || c instanceof IllegalArgumentException) && saysUnsupported(c)) {
                return Status.UNSUPPORTED;
            }
        }
        return Status.FAILED;
    }

    static Status whileRunning(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UnsupportedOpException) return Status.UNSUPPORTED;
        }
        return Status.FAILED;
    }

    private static boolean saysUnsupported(Throwable t) {
        String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        return m.contains("unsupported") || m.contains("not supported");
    }

    /** A one-line description: the message, prefixed by the type when the type says more than the message. */
    static String describe(Throwable t) {
        String msg = t.getMessage();
        String type = t.getClass().getSimpleName();
        if (msg == null || msg.isBlank()) return type;
        if (t instanceof UnsupportedOpException || t instanceof ModelFormatException) return msg;
        return type + ": " + msg;
    }
}
