package dev.slim4j.cli.zoo;

import dev.slim4j.cli.ArgParser;
import dev.slim4j.cli.Command;
import dev.slim4j.cli.UsageException;
import dev.slim4j.cli.train.TrainCommand;
import dev.slim4j.ir.Model;
import dev.slim4j.train.zoo.ModelZoo;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code slim4j zoo list} and {@code slim4j zoo build NAME [--epochs N] [--quick] [--force]}: trains a zoo
 * model with its recipe ({@link ZooRecipe}) and caches it as {@code NAME.onnx} ({@code NAME-quick.onnx}) in
 * {@code --cache DIR}, by default {@code $XDG_CACHE_HOME/slim4j/zoo} or {@code ~/.cache/slim4j/zoo}. A cached
 * model is reused unless {@code --force}; the last line printed is its path.
 */
public final class ZooCommand implements Command {
    @Override public String name() { return "zoo"; }

    @Override public String summary() { return "list the zoo models, build (train and cache) one"; }

    @Override public int run(List<String> args, PrintStream out, PrintStream err) {
        String action = args.isEmpty() ? "--help" : args.getFirst();
        return switch (action) {
            case "list" -> list(out);
            case "build" -> build(args.subList(1, args.size()), out, err);
            case "--help", "-h" -> {
                out.print(usage());
                yield 0;
            }
            default -> throw new UsageException("unknown action '" + action + "', expected list or build\n" + usage());
        };
    }

    private static String usage() {
        return "usage: slim4j zoo list | slim4j zoo build NAME [options]   (slim4j zoo build --help for the options)\n"
                + "  zoo models: " + ModelZoo.names() + "\n";
    }

    private static int list(PrintStream out) {
        out.printf("%-14s %12s %8s %6s%n", "model", "parameters", "epochs", "batch");
        for (String n : ModelZoo.names()) {
            Model m = ModelZoo.build(n, 0);
            long params = m.graph().trainable().stream().mapToLong(t -> m.graph().initializers().get(t).size()).sum();
            ZooRecipe r = ZooRecipe.of(n);
            out.printf(Locale.ROOT, "%-14s %12d %8d %6d%n", n, params, r.epochs(), r.batch());
        }
        return 0;
    }

    private int build(List<String> args, PrintStream out, PrintStream err) {
        ArgParser p = new ArgParser("zoo build", "train a zoo model with its recipe and cache it");
        var name = p.positional("NAME", "zoo model, one of " + ModelZoo.names());
        var epochs = p.integer("epochs", "N", "epochs instead of the recipe's", null);
        var quick = p.flag("quick", "one epoch on " + ZooRecipe.QUICK_TRAIN + " images: fast, for CI (cached apart)");
        var force = p.flag("force", "train again even when the model is cached");
        var cache = p.path("cache", "DIR", "cache folder", defaultCache());
        var threads = p.integer("threads", "N", "threads", (long) Runtime.getRuntime().availableProcessors());
        if (!p.parse(args)) {
            out.print(p.usage());
            return 0;
        }
        if (!ModelZoo.contains(name.value())) {
            throw new UsageException("unknown zoo model '" + name.value() + "', expected one of " + ModelZoo.names());
        }
        if (epochs.value() != null && (epochs.value() < 1 || epochs.value() > 100_000)) {
            throw new UsageException("--epochs must be >= 1, found " + epochs.value());
        }
        ZooRecipe recipe = ZooRecipe.of(name.value());
        if (epochs.value() != null) recipe = recipe.withEpochs(epochs.value().intValue());
        String suffix = quick.value() ? "-quick" : epochs.value() != null ? "-e" + epochs.value() : "";
        Path file = cache.value().resolve(name.value() + suffix + ".onnx");
        if (Files.isRegularFile(file) && !force.value()) {
            out.println("cached: " + file);
            out.println(file);
            return 0;
        }
        List<String> train = recipe.trainArguments(file.toString(), quick.value(), threads.value());
        out.println("slim4j train " + String.join(" ", train));
        int code = new TrainCommand().run(train, out, err);
        if (code == 0) out.println(file);
        return code;
    }

    /** The zoo cache folder: {@code $XDG_CACHE_HOME/slim4j/zoo} or {@code ~/.cache/slim4j/zoo}. */
    public static Path defaultCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("slim4j").resolve("zoo");
    }
}
