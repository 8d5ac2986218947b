package dev.slim4j.cli.quantize;

import dev.slim4j.compress.quant.Accuracy;
import dev.slim4j.compress.quant.Prepared;
import dev.slim4j.compress.quant.Quantizer;
import dev.slim4j.compress.quant.ScaleTable;
import dev.slim4j.compress.quant.Sensitivity;
import dev.slim4j.ir.Model;
import dev.slim4j.train.data.FashionMnist;
import dev.slim4j.train.data.LoaderConfig;
import java.io.PrintStream;

/** Sensitivity analysis and the accuracy-aware fallback of {@code slim4j quantize}, scored on Fashion-MNIST test images. */
final class AccuracyAware {
    private final Prepared prepared;
    private final ScaleTable table;
    private final int examples;
    private final PrintStream progress;
    private final Sensitivity sensitivity;
    private final double floatAccuracy;

    AccuracyAware(Quantizer quantizer, Prepared prepared, ScaleTable table, int examples, PrintStream progress) {
        this.prepared = prepared;
        this.table = table;
        this.examples = examples;
        this.progress = progress;
        this.sensitivity = new Sensitivity(quantizer, this::score);
        this.floatAccuracy = score(prepared.model());
    }

    private double score(Model m) { return Accuracy.top1(m, FashionMnist.test(), LoaderConfig.defaults(), examples); }

    SensitivityReport sensitivity() {
        progress.println("sensitivity: scoring " + prepared.targets().size() + " nodes one at a time on " + examples + " test images ...");
        return new SensitivityReport(floatAccuracy, examples, sensitivity.analyze(prepared, table, floatAccuracy));
    }

    Sensitivity.Fallback fallback(double maxDrop, SensitivityReport ranking, PrintStream out) {
        Sensitivity.Fallback f = sensitivity.fallback(prepared, table, floatAccuracy, maxDrop, ranking.layers());
        out.printf("accuracy-aware: %s in float, top-1 %.2f%% (drop %.2f, budget %.2f points)%s%n",
                f.floatNodes().isEmpty() ? "no node" : f.floatNodes(), f.accuracy(), floatAccuracy - f.accuracy(), maxDrop,
                f.met() ? "" : " - budget NOT met even with every node but one in float");
        return f;
    }
}
