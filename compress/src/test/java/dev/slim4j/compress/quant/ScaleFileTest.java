package dev.slim4j.compress.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.Model;
import dev.slim4j.onnx.OnnxWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaleFileTest {
    @TempDir Path dir;
    private final Models models = new Models(11);

    @Test void requantizingFromTheFileReproducesTheModel() throws Exception {
        Model m = models.convNet();
        Quantizer q = new Quantizer(QuantConfig.defaults().withMethod(CalibrationMethod.entropy()));
        Prepared p = q.prepare(m);
        ScaleTable table = q.calibrate(p, CalibrationData.of(models.batches(3, 4, 1, 12, 12)));
        Path file = ScaleFile.besideModel(dir.resolve("cnn.int8.onnx"));
        assertEquals("cnn.int8.scales.json", file.getFileName().toString());
        ScaleFile.write(table, file);
        ScaleTable back = ScaleFile.read(file);
        assertEquals(table, back);
        assertArrayEquals(OnnxWriter.toBytes(q.convert(p, table)), OnnxWriter.toBytes(q.convert(q.prepare(m), back)));
        String text = Files.readString(file);
        assertTrue(text.contains("\"method\": \"entropy\""), text);
        assertTrue(text.lines().anyMatch(l -> l.trim().startsWith("\"relu1\": {\"min\": ")), text);
    }

    @Test void anEditedRangeGetsItsScaleFromTheScheme() {
        String json = """
                {"format": "slim4j-scales", "version": 1, "method": "edited",
                 "activations": {"bits": 8, "signed": false, "symmetry": "asymmetric"},
                 "tensors": {"x": {"min": 0, "max": 2.55}}}
                """;
        TensorScale s = ScaleFile.parse(json, "test").get("x");
        assertEquals(0.01f, s.params().scale(), 1e-8);
        assertEquals(0, s.params().zeroPoint());
    }

    @Test void badFilesSayWhatIsWrong() {
        var e = assertThrows(IllegalArgumentException.class, () -> ScaleFile.parse("""
                {"format": "slim4j-scales", "version": 1, "activations": {"bits": 8, "signed": false, "symmetry": "asymmetric"},
                 "tensors": {"x": {"min": 0, "max": 1, "scale": -1, "zero_point": 0}}}""", "s.json"));
        assertTrue(e.getMessage().contains("scale file s.json: tensor 'x': quantization scale must be positive"), e.getMessage());
        var bits = assertThrows(IllegalArgumentException.class, () -> ScaleFile.parse("""
                {"format": "slim4j-scales", "version": 1, "activations": {"bits": 9, "signed": false, "symmetry": "asymmetric"}, "tensors": {}}""", "s.json"));
        assertTrue(bits.getMessage().contains("found 9"), bits.getMessage());
        var syntax = assertThrows(IllegalArgumentException.class, () -> ScaleFile.parse("{\"format\": ", "s.json"));
        assertTrue(syntax.getMessage().contains("offset"), syntax.getMessage());
        var missing = assertThrows(IllegalArgumentException.class, () -> ScaleTable.empty(QuantSpec.uint8Activations()).get("y"));
        assertTrue(missing.getMessage().contains("no scale for activation 'y'"), missing.getMessage());
    }
}
