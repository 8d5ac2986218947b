package dev.slim4j.cli.demo;

import dev.slim4j.cli.ArgParser;
import dev.slim4j.cli.Command;
import dev.slim4j.cli.inspect.InspectCommand;
import dev.slim4j.ir.Model;
import dev.slim4j.onnx.OnnxReader;
import dev.slim4j.onnx.OnnxWriter;
import dev.slim4j.runtime.Session;
import dev.slim4j.tensor.Tensor;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code slim4j demo [--out DIR]}: builds LeNet-5 with the GraphBuilder, writes it as ONNX, reads it
 * back, inspects it and runs it on Fashion-MNIST test images (random images when the data set is not
 * installed). The compression stages join this demo as their issues land.
 */
public final class DemoCommand implements Command {
    @Override public String name() { return "demo"; }

    @Override public String summary() { return "build, write, inspect and run a small model end to end"; }

    @Override public int run(List<String> args, PrintStream out, PrintStream err) {
        ArgParser p = new ArgParser(name(), summary());
        var dir = p.path("out", "DIR", "folder for the demo's files", Path.of("slim4j-demo"));
        var seed = p.integer("seed", "S", "seed of the model's random weights", 7L);
        if (!p.parse(args)) {
            out.print(p.usage());
            return 0;
        }
        Path folder = dir.value();
        Path file = folder.resolve("lenet5-bn.onnx");
        out.println("== 1. build LeNet-5 (BatchNorm) with GraphBuilder and write " + file);
        OnnxWriter.write(DemoModel.lenet5(seed.value()), file);
        out.println("== 2. read it back and inspect it");
        new InspectCommand().run(List.of(file.toString()), out, err);
        out.println("== 3. run it (optimized plan, fast kernels)");
        Model model = OnnxReader.read(file);
        DemoImages images = DemoImages.load(8);
        out.println("input: " + images.description());
        try (Session s = Session.create(model)) {
            Tensor logits = s.run(Map.of("images", images.batch())).get("logits");
            out.println("logits: " + logits.dtype().name().toLowerCase() + logits.shape());
            out.println("predicted classes: " + Arrays.toString(argmax(logits)));
            out.println("true labels:       " + Arrays.toString(images.labels()));
            out.println("(weights are untrained, so predictions are arbitrary; ./slim4j zoo build lenet5-bn trains this model)");
        }
        return 0;
    }

    private static int[] argmax(Tensor logits) {
        int n = logits.shape().dim(0);
        int c = logits.shape().dim(1);
        float[] v = logits.floats();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 1; j < c; j++) if (v[i * c + j] > v[i * c + out[i]]) out[i] = j;
        }
        return out;
    }
}
