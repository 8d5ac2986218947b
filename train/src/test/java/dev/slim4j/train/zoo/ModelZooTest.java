package dev.slim4j.train.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.GraphVerifier;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.Node;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.train.grad.Gradients;
import dev.slim4j.train.grad.Tape;
import dev.slim4j.train.grad.TapeOptions;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Every zoo model builds, verifies, has the parameter count worked out by hand from its layer list,
 * and runs forward and backward on the tape (so the gradient rules cover each of its ops).
 */
class ModelZooTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // 784*300+300 + 300*100+100 + 100*10+10
        "lenet300, 266610",
        // conv 20*25+20, conv 50*20*25+50, fc 800*500+500, fc 500*10+10
        "lenet5-caffe, 431080",
        // conv 6*25+6, conv 16*6*25+16, fc 400*120+120, 120*84+84, 84*10+10
        "lenet5, 61706",
        // as lenet5 without conv biases (-22), BatchNorm scale and shift (2*6 + 2*16)
        "lenet5-bn, 61728",
        // 784*500 + 2*500 + 500*300 + 2*300 + 300*10+10
        "mlp500-bn, 546610",
        // convs 9*(1*32+32*32+32*64+64*64+64*128+128*128) + BN 2*(32+32+64+64+128+128), fc 1152*256 + BN 512, 256*10+10
        "vgg-small, 584874",
        // stem 144+32; stage 16: 3*2*(2304+32); stage 32: 4608+64+9216+64+512+64 + 2*2*(9216+64);
        // stage 64: 18432+128+36864+128+2048+128 + 2*2*(36864+128); fc 64*10+10
        "resnet20, 272186",
        // stem 176; 464; 5136 + 8832; 10000 + 2*14848; 21056 + 54272; last 16384+512; fc 2570
        "mobilenetv2, 149098"
    })
    void buildsVerifiesAndTrains(String name, long parameters) {
        Model model = ModelZoo.build(name, 1);
        GraphVerifier.verify(model);
        Graph g = model.graph();
        assertEquals(name, g.name());
        assertEquals(parameters, trainableCount(g));
        assertEquals(List.of(Architecture.INPUT), g.inputs().stream().map(v -> v.name()).toList());
        assertTrue(g.inputs().getFirst().type().dims().orElseThrow().getFirst() instanceof dev.slim4j.ir.Dim.Symbol, "batch dim is symbolic");
        checkForwardAndBackward(g);
    }

    @Test void seedsRepeatAndDiffer() {
        Tensor a = ModelZoo.build("lenet5", 3).graph().initializers().get("conv1.weight");
        Tensor b = ModelZoo.build("lenet5", 3).graph().initializers().get("conv1.weight");
        Tensor c = ModelZoo.build("lenet5", 4).graph().initializers().get("conv1.weight");
        assertEquals(a, b);
        assertTrue(!a.equals(c));
    }

    @Test void widthsAndDepthsVary() {
        assertEquals(20, ResNet.resnet20().depth());
        ResNet r32 = ResNet.resnet20().withDepth(32);
        assertEquals(5, r32.blocksPerStage());
        // each extra block per stage adds 2 convs + 2 BN: 2*(2304+32) + 2*(9216+64) + 2*(36864+128)
        assertEquals(272186 + 2 * (2 * 2336 + 2 * 9280 + 2 * 36992), trainableCount(r32.build(0).graph()));
        assertEquals(784 * 64 + 64 + 64 * 10 + 10, trainableCount(Mlp.lenet300().withHidden(List.of(64)).build(0).graph()));
        var e = assertThrows(IllegalArgumentException.class, () -> ResNet.resnet20().withDepth(21));
        assertTrue(e.getMessage().contains("6n + 2"), e.getMessage());
        var u = assertThrows(IllegalArgumentException.class, () -> ModelZoo.build("alexnet", 0));
        assertTrue(u.getMessage().contains("lenet300"), u.getMessage());
    }

    @Test void mobileNetUsesDepthwiseConvReLU6AndResiduals() {
        Graph g = ModelZoo.build("mobilenetv2", 0).graph();
        TreeSet<String> ops = new TreeSet<>();
        for (Node n : g.nodes()) ops.add(n.op().opType());
        assertTrue(ops.containsAll(List.of("Conv", "Clip", "Add", "BatchNormalization", "GlobalAveragePool")), ops.toString());
        long depthwise = g.nodes().stream().filter(n -> n.op() instanceof dev.slim4j.ir.op.Conv c && c.group() > 1).count();
        assertEquals(1 + 2 + 3 + 2, depthwise);
        // residual Adds: 16->16, the second 24, the 2nd and 3rd 32, the second 64
        assertEquals(5, g.nodes().stream().filter(n -> n.op().opType().equals("Add")).count());
    }

    private static long trainableCount(Graph g) {
        long n = 0;
        for (String name : g.trainable()) n += g.initializers().get(name).size();
        return n;
    }

    /** Batch of 3 random images, training mode: logits [3, 10], a finite gradient for every parameter. */
    private static void checkForwardAndBackward(Graph g) {
        SplittableRandom r = new SplittableRandom(9);
        float[] x = new float[3 * 28 * 28];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextDouble(-1, 1);
        Tape tape = Tape.record(g, Map.of(Architecture.INPUT, Tensor.ofFloats(Shape.of(3, 1, 28, 28), x)),
                TapeOptions.training(1));
        Tensor logits = tape.value(Architecture.OUTPUT);
        assertEquals(Shape.of(3, 10), logits.shape());
        float[] dy = new float[30];
        for (int i = 0; i < dy.length; i++) dy[i] = (float) r.nextDouble(-1, 1);
        Gradients grads = tape.backward(Map.of(Architecture.OUTPUT, Tensor.ofFloats(Shape.of(3, 10), dy)));
        assertEquals(g.trainable(), grads.parameters().keySet());
        for (var e : grads.parameters().entrySet()) {
            double norm = 0;
            for (float v : e.getValue().floats()) {
                assertTrue(Float.isFinite(v), e.getKey());
                norm += Math.abs(v);
            }
            assertTrue(norm > 0, "no gradient reaches " + e.getKey());
        }
    }
}
