package dev.slim4j.integration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.compress.quant.Accuracy;
import dev.slim4j.compress.quant.CalibrationData;
import dev.slim4j.compress.quant.CalibrationMethod;
import dev.slim4j.compress.quant.QuantConfig;
import dev.slim4j.compress.quant.Quantizer;
import dev.slim4j.ir.Model;
import dev.slim4j.train.data.FashionMnist;
import dev.slim4j.train.data.LoaderConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * FP32 and INT8 top-1 per calibrator on each model (the layout of Wu et al. 2020, table 3): INT8
 * per-channel symmetric weights, UINT8 per-tensor asymmetric activations, 256 calibration images,
 * the first 2000 test images. Printed; asserted loosely (these models are trained for seconds).
 */
class CalibratorAccuracyTest {
    private static final int EXAMPLES = 2000;
    private static final List<CalibrationMethod> METHODS = List.of(CalibrationMethod.minMax(), CalibrationMethod.movingAverage(),
            CalibrationMethod.percentile(99.99), CalibrationMethod.entropy(), CalibrationMethod.mse());

    @Test void everyCalibratorStaysNearFloat() {
        Map<String, Model> models = new LinkedHashMap<>();
        models.put("mlp", FashionModels.mlp());
        models.put("cnn", FashionModels.convNet());
        StringBuilder table = new StringBuilder(String.format("%-6s %7s", "model", "FP32"));
        for (CalibrationMethod m : METHODS) table.append(String.format(" %15s", m.label()));
        table.append('\n');
        var calib = CalibrationData.of(FashionMnist.train(), LoaderConfig.defaults(), 256);
        for (var e : models.entrySet()) {
            double fp32 = top1(e.getValue());
            table.append(String.format("%-6s %7.2f", e.getKey(), fp32));
            double best = Double.NEGATIVE_INFINITY;
            for (CalibrationMethod m : METHODS) {
                double int8 = top1(new Quantizer(QuantConfig.defaults().withMethod(m)).quantize(e.getValue(), calib));
                table.append(String.format(" %15.2f", int8));
                best = Math.max(best, int8);
                assertTrue(int8 >= fp32 - 2, e.getKey() + " " + m.label() + ": INT8 " + int8 + " vs FP32 " + fp32);
            }
            table.append('\n');
            assertTrue(best >= fp32 - 0.5, e.getKey() + ": best INT8 " + best + " vs FP32 " + fp32);
        }
        System.out.print(table);
    }

    private static double top1(Model m) { return Accuracy.top1(m, FashionMnist.test(), LoaderConfig.defaults(), EXAMPLES); }
}
