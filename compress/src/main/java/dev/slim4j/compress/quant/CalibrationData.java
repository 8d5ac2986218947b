package dev.slim4j.compress.quant;

import dev.slim4j.ir.Value;
import dev.slim4j.onnx.OnnxReader;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.tensor.npy.NpyReader;
import dev.slim4j.train.data.Batch;
import dev.slim4j.train.data.DataLoader;
import dev.slim4j.train.data.Dataset;
import dev.slim4j.train.data.LoaderConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** Batches of model inputs to calibrate on: a data set through a {@link DataLoader}, or a folder of tensor files. */
public interface CalibrationData {
    /** The batches, as feeds for a model whose runtime inputs are {@code inputs}. */
    Iterable<Map<String, Tensor>> batches(List<Value> inputs);

    /**
     * The first {@code count} examples of {@code dataset} in the loader's order, in batches of the loader's
     * size, fed to the model's single input (reshaped to [N, C*H*W] when the input has rank 2). Batches
     * are made as they are read, one at a time.
     */
    static CalibrationData of(Dataset dataset, LoaderConfig loader, int count) {
        if (count < 1) throw new IllegalArgumentException("calibration needs at least 1 example, found " + count);
        return inputs -> {
            Value input = single(inputs);
            var epoch = new DataLoader(dataset, loader).epoch(0);
            int batches = Math.min(epoch.size(), (count + loader.batchSize() - 1) / loader.batchSize());
            return () -> java.util.stream.IntStream.range(0, batches).mapToObj(b -> {
                Batch batch = epoch.batch(b);
                int n = Math.min(count - b * loader.batchSize(), batch.size());
                return Map.of(input.name(), fit(first(batch.images(), n), input));
            }).iterator();
        };
    }

    /**
     * Every {@code .npy} or {@code .pb} file of {@code dir} (sorted by name) is one batch of the model's
     * single input; for a model with several inputs, every sub-folder is one batch holding a file per
     * input, named after it.
     */
    static CalibrationData folder(Path dir) {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("calibration folder " + dir + " does not exist");
        return inputs -> {
            List<Map<String, Tensor>> out = new ArrayList<>();
            if (inputs.size() == 1) {
                for (Path f : tensorFiles(dir)) out.add(Map.of(inputs.getFirst().name(), read(f)));
            } else {
                for (Path sub : list(dir).stream().filter(Files::isDirectory).toList()) out.add(readBatch(sub, inputs));
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("calibration folder " + dir + " holds no "
                        + (inputs.size() == 1 ? ".npy or .pb files" : "sub-folders with one file per input " + inputs.stream().map(Value::name).toList()));
            }
            return out;
        };
    }

    /** Fixed batches, as given. */
    static CalibrationData of(List<Map<String, Tensor>> batches) {
        List<Map<String, Tensor>> copy = List.copyOf(batches);
        return inputs -> copy;
    }

    private static Map<String, Tensor> readBatch(Path sub, List<Value> inputs) {
        java.util.LinkedHashMap<String, Tensor> feeds = new java.util.LinkedHashMap<>();
        for (Value v : inputs) {
            Path npy = sub.resolve(v.name() + ".npy");
            Path pb = sub.resolve(v.name() + ".pb");
            if (Files.isRegularFile(npy)) feeds.put(v.name(), read(npy));
            else if (Files.isRegularFile(pb)) feeds.put(v.name(), read(pb));
            else throw new IllegalArgumentException("calibration batch " + sub + " has no " + v.name() + ".npy or " + v.name() + ".pb");
        }
        return feeds;
    }

    private static List<Path> tensorFiles(Path dir) {
        return list(dir).stream().filter(Files::isRegularFile).filter(p -> {
            String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
            return n.endsWith(".npy") || n.endsWith(".pb");
        }).toList();
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list calibration folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Tensor read(Path f) {
        return f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy") ? NpyReader.read(f) : OnnxReader.readTensor(f);
    }

    private static Value single(List<Value> inputs) {
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("a data set feeds a model with one input, this one has " + inputs.stream().map(Value::name).toList());
        }
        return inputs.getFirst();
    }

    private static Tensor first(Tensor images, int n) {
        if (n == images.shape().dim(0)) return images;
        int[] dims = images.shape().toArray();
        int stride = images.shape().intSize() / dims[0];
        dims[0] = n;
        float[] all = images.floats();
        return Tensor.ofFloats(Shape.of(dims), java.util.Arrays.copyOf(all, n * stride));
    }

    /** Reshapes [N, C, H, W] images to the input's rank (2: [N, C*H*W]). */
    public static Tensor fit(Tensor images, Value input) {
        if (input.type().hasRank() && input.type().rank() == 2) {
            int n = images.shape().dim(0);
            return images.reshape(Shape.of(n, images.shape().intSize() / Math.max(n, 1)));
        }
        return images;
    }
}
