package dev.slim4j.cli;

import dev.slim4j.ir.Model;
import dev.slim4j.onnx.OnnxReader;
import dev.slim4j.runtime.Session;
import java.nio.file.Path;

/**
 * ONNX's backend test data, and whether the parts a command test needs exist yet (the reader and
 * the model's ops are written by others); tests use it in assumptions so they run once those land.
 */
public final class TestData {
    public static final Path NODE = Path.of("/usr/share/libonnx-testdata/data/node");

    private TestData() {}

    public static Path node(String test) { return NODE.resolve(test); }

    /** True when the model can be read. */
    public static boolean readable(Path model) {
        try {
            OnnxReader.read(model);
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    /** True when the model can be read and a session created (all its ops exist). */
    public static boolean runnable(Path model) {
        if (!readable(model)) return false;
        Model m = OnnxReader.read(model);
        try (Session s = Session.create(m)) {
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
