package dev.slim4j.cli.run;

import dev.slim4j.cli.UsageException;
import dev.slim4j.onnx.OnnxReader;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.tensor.npy.NpyReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code --input NAME=FILE} arguments: a NumPy .npy file or a serialized ONNX TensorProto (.pb). */
final class InputFiles {
    private InputFiles() {}

    /** Parses every {@code NAME=FILE} and reads the files, keyed by input name in command-line order. */
    static Map<String, Tensor> read(List<String> specs) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new UsageException("--input expects NAME=FILE (a .npy or .pb file), found '" + spec + "'");
            }
            String name = spec.substring(0, eq);
            if (out.containsKey(name)) throw new UsageException("input '" + name + "' given twice");
            out.put(name, load(Path.of(spec.substring(eq + 1))));
        }
        return out;
    }

    static Tensor load(Path file) {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("input file " + file + " does not exist");
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".npy")) return NpyReader.read(file);
        if (lower.endsWith(".pb")) return OnnxReader.readTensor(file);
        throw new UsageException("input file " + file + " should end in .npy (NumPy) or .pb (ONNX TensorProto)");
    }
}
