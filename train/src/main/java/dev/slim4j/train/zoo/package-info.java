/**
 * The model zoo: classifiers for 1x28x28 images (Fashion-MNIST, MNIST) written with the IR's
 * {@link dev.slim4j.ir.GraphBuilder}, one record per family whose fields are the widths and depths
 * (so NAS and distillation can vary them), and {@link dev.slim4j.train.zoo.ModelZoo} naming the
 * standard configurations. Every model reads {@code images} [N, 1, 28, 28] and writes {@code logits}
 * [N, classes]. Depends on ir and tensor only; must not import the trainer, data sets or ONNX.
 */
package dev.slim4j.train.zoo;
