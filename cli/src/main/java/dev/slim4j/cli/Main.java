package dev.slim4j.cli;

/** Entry point of the {@code slim4j} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("slim4j");
    }
}
