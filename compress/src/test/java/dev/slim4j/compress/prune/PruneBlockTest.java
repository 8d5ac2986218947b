package dev.slim4j.compress.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slim4j.ir.Graph;
import dev.slim4j.ir.GraphVerifier;
import dev.slim4j.ir.Model;
import dev.slim4j.ir.Node;
import dev.slim4j.ir.metrics.ModelMetrics;
import dev.slim4j.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole residual blocks replaced by the identity. */
class PruneBlockTest {
    @Test void resnet18HasFiveIdentityShortcutBlocks() {
        Model m = TorchvisionSkeletons.load("resnet18", 2);
        List<ResidualBlock> blocks = BlockRemoval.blocks(m);
        assertEquals(List.of("/layer1/layer1.0/Add", "/layer1/layer1.1/Add", "/layer2/layer2.1/Add", "/layer3/layer3.1/Add",
                "/layer4/layer4.1/Add"), blocks.stream().map(ResidualBlock::add).toList(), "blocks with a downsample conv have no identity shortcut");
        assertEquals(5, blocks.getFirst().branch().size(), "conv, bn, relu, conv, bn");
    }

    /** A branch whose last BatchNorm has zero scale and shift adds nothing: removing it changes no output. */
    @Test void removingABlockEqualsZeroingItsBranch() {
        for (String name : List.of("resnet18", "mobilenet_v2")) {
            Model m = TorchvisionSkeletons.load(name, 4);
            List<ResidualBlock> blocks = BlockRemoval.blocks(m);
            assertTrue(blocks.size() >= 5, name + ": " + blocks.size());
            ResidualBlock b = blocks.get(1);
            Model removed = BlockRemoval.remove(m, List.of(b, blocks.get(3)));
            GraphVerifier.verify(removed);
            Model zeroed = zeroLastNorm(zeroLastNorm(m, b), blocks.get(3));
            Tensor x = TorchvisionSkeletons.image(1);
            Tensor expected = PruneModels.run(zeroed, TorchvisionSkeletons.INPUT, x);
            Tensor actual = PruneModels.run(removed, TorchvisionSkeletons.INPUT, x);
            assertTrue(ChannelZeroing.maxDiff(expected, actual) <= 1e-5 * ChannelZeroing.maxAbs(expected),
                    name + ": " + ChannelZeroing.maxDiff(expected, actual));
            assertTrue(ChannelZeroing.maxDiff(PruneModels.run(m, TorchvisionSkeletons.INPUT, x), actual) > 1e-3);
            assertEquals(m.graph().nodes().size() - b.branch().size() - blocks.get(3).branch().size() - 2,
                    removed.graph().nodes().size());
            assertTrue(ModelMetrics.measure(removed).params() < ModelMetrics.measure(m).params());
            assertEquals(blocks.size() - 2, BlockRemoval.blocks(removed).size());
        }
    }

    @Test void aBlockOfAnotherModelIsRefused() {
        Model m = TorchvisionSkeletons.load("resnet18", 2);
        ResidualBlock fake = new ResidualBlock("nothing", "x", List.of("a"));
        PruningException e = assertThrows(PruningException.class, () -> BlockRemoval.remove(m, List.of(fake)));
        assertTrue(e.getMessage().contains("not a removable residual block"), e.getMessage());
    }

    private static Model zeroLastNorm(Model m, ResidualBlock b) {
        Graph g = m.graph();
        Node bn = g.nodes().stream().filter(n -> b.branch().contains(n.name()))
                .filter(n -> n.op().opType().equals("BatchNormalization")).reduce((x, y) -> y).orElseThrow();
        Graph.Builder gb = g.toBuilder();
        for (int i = 1; i <= 2; i++) {
            Tensor t = g.initializers().get(bn.input(i));
            gb.initializers.put(bn.input(i), Tensor.ofFloats(t.shape(), new float[(int) t.size()]));
        }
        return m.withGraph(gb.build());
    }
}
