package dev.slim4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A small typed command-line parser: a command declares its options and positional arguments as
 * typed handles, then {@link #parse} fills them. {@code --name value} and {@code --name=value} are
 * accepted; errors list the valid options.
 */
public final class ArgParser {
    private final String command;
    private final String summary;
    private final Map<String, Option<?>> options = new LinkedHashMap<>();
    private final List<Option<String>> positionals = new ArrayList<>();
    private boolean helpRequested;

    public ArgParser(String command, String summary) {
        this.command = command;
        this.summary = summary;
    }

    /** A typed argument; {@link #value()} holds the parsed value or the default. */
    public static final class Option<T> {
        private final String name;
        private final String metavar;
        private final String help;
        private final Function<String, T> converter;
        private final boolean repeated;
        private final List<T> values = new ArrayList<>();
        private T value;
        private boolean present;

        private Option(String name, String metavar, String help, Function<String, T> converter, T defaultValue,
                       boolean repeated) {
            this.name = name;
            this.metavar = metavar;
            this.help = help;
            this.converter = converter;
            this.value = defaultValue;
            this.repeated = repeated;
        }

        public T value() { return value; }

        /** All values of a repeatable option, in command-line order. */
        public List<T> values() { return List.copyOf(values); }

        public boolean present() { return present; }

        boolean isFlag() { return metavar == null; }

        void accept(String raw) {
            T v = converter.apply(raw);
            if (present && !repeated && !isFlag()) {
                throw new UsageException("option --" + name + " given twice");
            }
            present = true;
            value = v;
            values.add(v);
        }
    }

    public Option<Boolean> flag(String name, String help) {
        return add(new Option<>(name, null, help, s -> Boolean.TRUE, Boolean.FALSE, false));
    }

    public Option<String> string(String name, String metavar, String help, String defaultValue) {
        return add(new Option<>(name, metavar, help, s -> s, defaultValue, false));
    }

    public Option<String> repeatedString(String name, String metavar, String help) {
        return add(new Option<>(name, metavar, help, s -> s, null, true));
    }

    public Option<Path> path(String name, String metavar, String help, Path defaultValue) {
        return add(new Option<>(name, metavar, help, Path::of, defaultValue, false));
    }

    public Option<Long> integer(String name, String metavar, String help, Long defaultValue) {
        return add(new Option<>(name, metavar, help, s -> parseLong(name, s), defaultValue, false));
    }

    public Option<Double> decimal(String name, String metavar, String help, Double defaultValue) {
        return add(new Option<>(name, metavar, help, s -> parseDouble(name, s), defaultValue, false));
    }

    /** A required positional argument. */
    public Option<String> positional(String metavar, String help) {
        Option<String> o = new Option<>(metavar, metavar, help, s -> s, null, false);
        positionals.add(o);
        return o;
    }

    private <T> Option<T> add(Option<T> o) {
        if (options.putIfAbsent(o.name, o) != null) throw new IllegalArgumentException("option --" + o.name + " declared twice");
        return o;
    }

    private static long parseLong(String option, String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + option + " expects an integer, found '" + s + "'");
        }
    }

    private static double parseDouble(String option, String s) {
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + option + " expects a finite number, found '" + s + "'");
        }
    }

    /** Parses {@code args}; returns false when {@code --help} was given (the caller prints {@link #usage()}). */
    public boolean parse(List<String> args) {
        int positional = 0;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--help") || a.equals("-h")) {
                helpRequested = true;
                return false;
            }
            if (a.startsWith("--")) {
                i = parseOption(args, i);
            } else if (positional < positionals.size()) {
                positionals.get(positional++).accept(a);
            } else {
                throw new UsageException("unexpected argument '" + a + "'" + validOptions());
            }
        }
        if (positional < positionals.size()) {
            throw new UsageException("missing argument " + positionals.get(positional).metavar + "\n" + usage());
        }
        return true;
    }

    private int parseOption(List<String> args, int i) {
        String a = args.get(i);
        int eq = a.indexOf('=');
        String name = a.substring(2, eq < 0 ? a.length() : eq);
        Option<?> o = options.get(name);
        if (o == null) throw new UsageException("unknown option '--" + name + "'" + validOptions());
        if (o.isFlag()) {
            if (eq >= 0) throw new UsageException("option --" + name + " takes no value");
            o.accept("");
            return i;
        }
        if (eq >= 0) {
            o.accept(a.substring(eq + 1));
            return i;
        }
        if (i + 1 >= args.size()) throw new UsageException("option --" + name + " expects a value " + o.metavar);
        String next = args.get(i + 1);
        if (next.startsWith("--") && options.containsKey(next.substring(2).split("=", 2)[0])) {
            throw new UsageException("option --" + name + " expects a value " + o.metavar + ", found the option "
                    + next + " (write --" + name + "=" + next + " if that is the value)");
        }
        o.accept(next);
        return i + 1;
    }

    public boolean helpRequested() { return helpRequested; }

    private String validOptions() {
        List<String> names = options.keySet().stream().map(n -> "--" + n).toList();
        return "; valid options for '" + command + "': " + names + " and --help";
    }

    public String usage() {
        StringBuilder sb = new StringBuilder("usage: slim4j ").append(command);
        for (Option<String> p : positionals) sb.append(' ').append(p.metavar);
        if (!options.isEmpty()) sb.append(" [options]");
        sb.append("\n  ").append(summary).append('\n');
        for (Option<String> p : positionals) sb.append(String.format("  %-24s %s%n", p.metavar, p.help));
        for (Option<?> o : options.values()) {
            String left = "--" + o.name + (o.isFlag() ? "" : " " + o.metavar);
            sb.append(String.format("  %-24s %s%n", left, o.help));
        }
        sb.append(String.format("  %-24s %s%n", "--help", "show this help"));
        return sb.toString();
    }
}
