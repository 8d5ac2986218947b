package dev.slim4j.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slim4j.ir.Model;
import dev.slim4j.onnx.OnnxReader;
import dev.slim4j.onnx.OnnxWriter;
import dev.slim4j.runtime.Session;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.train.data.Batch;
import dev.slim4j.train.data.DataLoader;
import dev.slim4j.train.data.FashionMnist;
import dev.slim4j.train.data.LoaderConfig;
import dev.slim4j.train.trainer.Evaluator;
import dev.slim4j.train.trainer.Trainer;
import dev.slim4j.train.trainer.TrainerConfig;
import dev.slim4j.train.zoo.ModelZoo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models trained by slim4j (BatchNorm running statistics included) and written as ONNX load in ONNX
 * Runtime and give the same logits and predictions there as in slim4j's runtime, and the same accuracy as
 * slim4j's evaluator measures.
 */
class TrainedModelOrtTest {
    @TempDir Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lenet300", "lenet5-bn", "mobilenetv2"})
    void trainedModelAgreesWithOnnxRuntime(String name) throws Exception {
        assumeTrue(Files.isDirectory(FashionMnist.DEFAULT_DIRECTORY), "Debian package dataset-fashion-mnist not installed");
        boolean small = name.equals("mobilenetv2");
        TrainerConfig c = TrainerConfig.defaults().withBatchSize(32).withThreads(2);
        Model trained = new Trainer(ModelZoo.build(name, 0), c).fit(FashionMnist.train().limit(small ? 128 : 1024), null).model();
        Path file = dir.resolve(name + ".onnx");
        OnnxWriter.write(trained, file);
        Batch test = new DataLoader(FashionMnist.test(), LoaderConfig.defaults().withShuffle(false).withBatchSize(200)).epoch(0).batch(0);
        Tensor ort = OrtPeer.run(Files.readAllBytes(file), Map.of("images", test.images())).get("logits");
        Tensor slim;
        try (Session s = Session.create(OnnxReader.read(file))) {
            slim = s.run(Map.of("images", test.images())).get("logits");
        }
        assertEquals(ort.shape(), slim.shape());
        float[] a = ort.floats();
        float[] b = slim.floats();
        for (int i = 0; i < a.length; i++) assertEquals(a[i], b[i], 1e-3 * (1 + Math.abs(a[i])), "logit " + i);
        int[] ortPredictions = argmax(ort);
        assertArrayEquals(ortPredictions, argmax(slim));
        int correct = 0;
        for (int i = 0; i < ortPredictions.length; i++) if (ortPredictions[i] == test.labels().getLong(i)) correct++;
        double evaluated = Evaluator.evaluate(OnnxReader.read(file), FashionMnist.test().limit(200),
                c.normalization(), 200, 1).top1();
        assertEquals(correct / 200.0, evaluated, 1e-12, "slim4j's evaluator counts what ONNX Runtime predicts");
        // four steps leave MobileNet's running statistics far from the data: it is only checked for agreement
        if (!small) assertTrue(correct > 100, name + " learned something: " + correct + "/200");
    }

    private static int[] argmax(Tensor logits) {
        int n = logits.shape().dim(0);
        int k = logits.shape().dim(1);
        float[] v = logits.floats();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) for (int j = 1; j < k; j++) if (v[i * k + j] > v[i * k + out[i]]) out[i] = j;
        return out;
    }
}
