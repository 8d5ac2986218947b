package dev.slim4j.cli;

import dev.slim4j.cli.bench.BenchCommand;
import dev.slim4j.cli.conformance.ConformanceCommand;
import dev.slim4j.cli.demo.DemoCommand;
import dev.slim4j.cli.eval.EvalCommand;
import dev.slim4j.cli.inspect.InspectCommand;
import dev.slim4j.cli.prune.PruneCommand;
import dev.slim4j.cli.quantize.QuantizeCommand;
import dev.slim4j.cli.run.RunCommand;
import dev.slim4j.cli.train.TrainCommand;
import dev.slim4j.cli.zoo.ZooCommand;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** Entry point of the {@code slim4j} command: picks the sub-command and maps errors to exit codes. */
public final class Main {
    /** Exit code for a wrong command line. */
    public static final int USAGE = 2;
    /** Exit code for a command that failed (unreadable model, bad input file). */
    public static final int FAILURE = 1;

    private Main() {}

    static List<Command> commands() {
        return List.of(new DemoCommand(), new InspectCommand(), new RunCommand(), new ConformanceCommand(),
                new BenchCommand(), new TrainCommand(), new EvalCommand(), new ZooCommand(), new QuantizeCommand(), new PruneCommand());
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    /** Runs one command line; used by {@link #main} and by tests. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            (args.length == 0 ? err : out).print(overview());
            return args.length == 0 ? USAGE : 0;
        }
        Command command = commands().stream().filter(c -> c.name().equals(args[0])).findFirst().orElse(null);
        if (command == null) {
            err.println("slim4j: unknown command '" + args[0] + "', expected one of "
                    + commands().stream().map(Command::name).toList());
            return USAGE;
        }
        try {
            return command.run(Arrays.asList(args).subList(1, args.length), out, err);
        } catch (UsageException e) {
            err.println("slim4j " + command.name() + ": " + e.getMessage());
            return USAGE;
        } catch (RuntimeException e) {
            err.println("slim4j " + command.name() + ": " + describe(e));
            return FAILURE;
        }
    }

    /** The exception's message, with its type when the message alone would say little. */
    public static String describe(Throwable e) {
        String msg = e.getMessage();
        return msg == null || msg.isBlank() ? e.getClass().getSimpleName() : msg;
    }

    private static String overview() {
        StringBuilder sb = new StringBuilder("usage: slim4j <command> [options]   (slim4j <command> --help for details)\n");
        for (Command c : commands()) sb.append(String.format("  %-14s %s%n", c.name(), c.summary()));
        return sb.toString();
    }
}
