package dev.slim4j.cli.demo;

import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.train.data.DataLoader;
import dev.slim4j.train.data.DatasetNotFoundException;
import dev.slim4j.train.data.FashionMnist;
import dev.slim4j.train.data.LoaderConfig;
import dev.slim4j.train.data.Batch;
import java.util.Random;

/** The demo's input batch: the first Fashion-MNIST test images, or seeded random images without the data set. */
record DemoImages(Tensor batch, int[] labels, String description) {
    static DemoImages load(int count) {
        try {
            var data = FashionMnist.test();
            Batch b = new DataLoader(data, LoaderConfig.defaults().withBatchSize(count).withShuffle(false))
                    .epoch(0).batch(0);
            int[] labels = new int[b.size()];
            for (int i = 0; i < labels.length; i++) labels[i] = (int) b.labels().getLong(i);
            return new DemoImages(b.images(), labels, "first " + count + " Fashion-MNIST test images, normalized");
        } catch (DatasetNotFoundException e) {
            float[] v = new float[count * 28 * 28];
            Random r = new Random(1);
            for (int i = 0; i < v.length; i++) v[i] = (float) r.nextGaussian();
            return new DemoImages(Tensor.ofFloats(Shape.of(count, 1, 28, 28), v), new int[count],
                    "random images (" + e.getMessage() + ")");
        }
    }
}
