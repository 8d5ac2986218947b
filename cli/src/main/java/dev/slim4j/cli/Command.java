package dev.slim4j.cli;

import java.io.PrintStream;
import java.util.List;

/** One sub-command of {@code slim4j}. Returns the process exit code; bad usage throws {@link UsageException}. */
public interface Command {
    String name();

    /** One line for the command list. */
    String summary();

    int run(List<String> args, PrintStream out, PrintStream err);
}
