package dev.slim4j.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.cli.CliRun;
import dev.slim4j.cli.Main;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenchCommandTest {
    private static final String[] QUICK = {"--warmup", "1", "--runs", "3"};

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--batch|0|--batch must be in 1..65536, found 0",
        "--batch|abc|option --batch expects an integer, found 'abc'",
        "--batch|99999999999|option --batch is out of range, found 99999999999",
        "--threads|-2|--threads must be in 1..1024, found -2",
        "--warmup|-1|--warmup must be 0 or more runs, found -1",
        "--runs|0|--runs must be at least 1, found 0",
        "--max-seconds|0|--max-seconds must be a finite number > 0, found 0.0",
        "--warmup-seconds|NaN|--warmup-seconds must be a finite number >= 0, found NaN",
        "--warmup-seconds|soon|option --warmup-seconds expects a number, found 'soon'",
        "--tolerance|-1e-3|--tolerance must be a finite number > 0, found -0.001",
        "--compare|tvm|--compare expects 'ort' (ONNX Runtime) or 'none', found 'tvm'",
    })
    void nonsenseValuesAreRejectedWithClearErrors(String option, String value, String message, @TempDir Path dir) {
        Path model = TinyModels.linearRelu(dir, "tiny", 0);
        CliRun r = CliRun.of("bench", model.toString(), option, value);
        assertEquals(Main.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertEquals("", r.out());
    }

    @Test void missingModelFileAndUnknownOptionFail(@TempDir Path dir) {
        CliRun missing = CliRun.of("bench", dir.resolve("none.onnx").toString());
        assertEquals(Main.FAILURE, missing.exitCode());
        assertTrue(missing.err().contains("does not exist"), missing.err());
        CliRun unknown = CliRun.of("bench", dir.resolve("none.onnx").toString(), "--iterations", "3");
        assertEquals(Main.USAGE, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown option '--iterations'"), unknown.err());
        assertEquals(Main.USAGE, CliRun.of("bench").exitCode());
    }

    @Test void batchWithoutSymbolicDimIsRejected(@TempDir Path dir) {
        CliRun r = CliRun.of("bench", TinyModels.fixedShape(dir).toString(), "--batch", "8");
        assertEquals(Main.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains("--batch 8 has no effect: no input of"), r.err());
        assertTrue(r.err().contains("x float32[2, 4]"), r.err());
    }

    @Test void jsonHasTimesRatioSettingsAndAgreement(@TempDir Path dir) {
        Path model = TinyModels.linearRelu(dir, "tiny", 0);
        CliRun r = CliRun.of("bench", model.toString(), "--batch", "5", "--threads", "2", "--compare", "ort", "--json",
                QUICK[0], QUICK[1], QUICK[2], QUICK[3]);
        assertEquals(0, r.exitCode(), r.err());
        String json = r.out().strip();
        assertTrue(json.startsWith("{") && json.endsWith("}") && json.lines().count() == 1, json);
        double slim = number(json, "slim4j_ms");
        double ort = number(json, "ort_ms");
        assertEquals(slim / ort, number(json, "ratio"), 1e-9 * slim / ort);
        assertTrue(number(json, "slim4j_p90_ms") >= slim && number(json, "ort_p90_ms") >= ort, json);
        assertEquals(5, number(json, "batch"));
        assertEquals(2, number(json, "threads"));
        assertEquals(3, number(json, "runs"));
        assertTrue(json.contains("\"inputs\": [\"x float32[5, 4]\"]"), json);
        assertTrue(json.contains("\"agree\": true"), json);
        assertTrue(number(json, "max_rel_diff") <= 1e-6, json);
    }

    @Test void withoutPeerTheOrtFieldsAreNullAndTheTableShowsSlim4j(@TempDir Path dir) {
        Path model = TinyModels.linearRelu(dir, "tiny", 0);
        CliRun json = CliRun.of("bench", model.toString(), "--json", QUICK[0], QUICK[1], QUICK[2], QUICK[3]);
        assertEquals(0, json.exitCode(), json.err());
        assertTrue(json.out().contains("\"ort_ms\": null") && json.out().contains("\"ratio\": null"), json.out());
        assertTrue(json.out().contains("\"agreement\": null"), json.out());
        CliRun table = CliRun.of("bench", model.toString(), "--compare", "ort", QUICK[0], QUICK[1], QUICK[2], QUICK[3]);
        assertEquals(0, table.exitCode(), table.err());
        assertTrue(table.out().contains("ratio slim4j/ort:"), table.out());
        assertTrue(table.out().lines().anyMatch(l -> l.startsWith("slim4j ")), table.out());
        assertTrue(table.out().lines().anyMatch(l -> l.startsWith("ort ")), table.out());
        assertTrue(table.out().contains(") OK"), table.out());
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": (-?[0-9.eE+-]+)").matcher(json);
        assertTrue(m.find(), "no number for '" + key + "' in " + json);
        return Double.parseDouble(m.group(1));
    }
}
