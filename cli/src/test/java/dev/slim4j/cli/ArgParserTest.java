package dev.slim4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArgParserTest {
    private final ArgParser p = new ArgParser("demo", "a demo");
    private final ArgParser.Option<String> model = p.positional("MODEL", "the model");
    private final ArgParser.Option<Boolean> json = p.flag("json", "json output");
    private final ArgParser.Option<Long> seed = p.integer("seed", "S", "seed", 7L);
    private final ArgParser.Option<Path> dir = p.path("dir", "DIR", "a folder", null);
    private final ArgParser.Option<String> input = p.repeatedString("input", "N=F", "inputs");

    @Test void parsesTypedValuesInBothForms() {
        assertTrue(p.parse(List.of("m.onnx", "--json", "--seed=42", "--dir", "/tmp/x", "--input", "a=1", "--input=b=2")));
        assertEquals("m.onnx", model.value());
        assertTrue(json.value());
        assertEquals(42L, seed.value());
        assertEquals(Path.of("/tmp/x"), dir.value());
        assertEquals(List.of("a=1", "b=2"), input.values());
    }

    @Test void defaultsWhenAbsent() {
        assertTrue(p.parse(List.of("m.onnx")));
        assertFalse(json.value());
        assertEquals(7L, seed.value());
        assertFalse(seed.present());
        assertEquals(List.of(), input.values());
    }

    private static String error(String... args) {
        return assertThrows(UsageException.class, () -> new ArgParserTest().p.parse(List.of(args))).getMessage();
    }

    /** A forgotten value does not swallow the next option ({@code --seed --json} used to read "--json"). */
    @Test void aValueOptionFollowedByAnotherOptionIsAnError() {
        assertTrue(error("m.onnx", "--dir", "--json").contains("option --dir expects a value DIR, found the option --json"));
        assertTrue(error("m.onnx", "--dir", "--seed=3").contains("found the option --seed=3"));
        assertTrue(p.parse(List.of("m.onnx", "--input", "--not-an-option")));
        assertEquals(List.of("--not-an-option"), input.values());
    }

    @Test void errorsSayWhatWasExpected() {
        assertTrue(error("m", "--sead", "1").contains("valid options for 'demo': [--json, --seed, --dir, --input]"));
        assertTrue(error("m", "--seed", "x").contains("expects an integer, found 'x'"));
        assertTrue(error("m", "--seed").contains("expects a value S"));
        assertTrue(error("--json").contains("missing argument MODEL"));
        assertTrue(error("m", "extra").contains("unexpected argument 'extra'"));
        assertTrue(error("m", "--json=1").contains("takes no value"));
    }

    @Test void helpStopsParsing() {
        assertFalse(p.parse(List.of("--help", "--bogus")));
        assertTrue(p.helpRequested());
        assertTrue(p.usage().contains("--seed S"), p.usage());
    }
}
