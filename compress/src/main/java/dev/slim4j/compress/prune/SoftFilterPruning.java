package dev.slim4j.compress.prune;

import dev.slim4j.ir.Model;
import dev.slim4j.tensor.Shape;
import dev.slim4j.tensor.Tensor;
import dev.slim4j.train.optim.Optimizer;
import dev.slim4j.train.optim.ParameterSet;
import dev.slim4j.train.trainer.BatchReport;
import dev.slim4j.train.trainer.TrainingListener;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Soft filter pruning (He et al. 2018) as a trainer listener: at the end of every epoch, in each
 * prunable group, the {@code ratio} of channels with the smallest L2 norm of their filters is set to
 * zero (filters, biases and normalization scales and shifts, so the channel's activation is exactly
 * zero), and training goes on updating them, so a zeroed filter may grow back. After the last epoch
 * the zeroed channels are the ones with the smallest norms, and removing them changes nothing.
 */
public final class SoftFilterPruning implements TrainingListener {
    private final List<PruningGroup> groups;
    private final double ratio;
    private final Map<String, int[]> dims = new LinkedHashMap<>();
    private ParameterSet live;
    private int epochsZeroed;

    public SoftFilterPruning(Model model, List<PruningGroup> groups, double ratio) {
        if (!(ratio >= 0 && ratio < 1)) throw new IllegalArgumentException("SFP ratio must lie in [0, 1), found " + ratio);
        this.ratio = ratio;
        this.groups = groups.stream().filter(PruningGroup::isPrunable).toList();
        for (PruningGroup g : this.groups) {
            for (ChannelRef r : g.parameters()) {
                Tensor t = model.graph().initializers().get(r.tensor());
                if (t != null) dims.put(r.tensor(), t.shape().toArray());
            }
        }
    }

    @Override public void afterUpdate(Optimizer optimizer) { live = optimizer.parameters(); }

    @Override public void onBatch(BatchReport r) {
        if (r.batch() == r.batches() && live != null) {
            zeroWeakest(live);
            epochsZeroed++;
        }
    }

    public int epochsZeroed() { return epochsZeroed; }

    /** Zeroes the weakest channels of every group in {@code parameters}; returns how many per group root. */
    public Map<String, Integer> zeroWeakest(ParameterSet parameters) {
        Map<String, Integer> zeroed = new LinkedHashMap<>();
        for (PruningGroup g : groups) {
            List<Integer> weakest = weakest(g, name -> has(parameters, name) ? parameters.get(name).values() : null);
            for (int c : weakest) zero(g, c, parameters);
            if (!weakest.isEmpty()) zeroed.put(g.root(), weakest.size());
        }
        return zeroed;
    }

    /**
     * The plan that removes, in each group of {@code trained} (the model this listener trained, so the
     * same group ids), the {@code ratio} of channels with the smallest filter norms: after the last
     * epoch's zeroing, exactly the zeroed ones.
     */
    public PruningPlan plan(DependencyGraph trained) {
        PruningPlan plan = PruningPlan.none();
        Map<String, Tensor> init = trained.model().graph().initializers();
        for (PruningGroup g : groups) {
            PruningGroup now = trained.group(g.id());
            List<Integer> weakest = weakest(now, name -> dims.containsKey(name) && init.containsKey(name) ? init.get(name).floats() : null);
            if (!weakest.isEmpty()) plan = plan.withRemoved(now, weakest);
        }
        return plan;
    }

    /** The floor(ratio * size) channels of {@code g} with the smallest L2 norm of their filters; none if that is 0 or all. */
    private List<Integer> weakest(PruningGroup g, Function<String, float[]> values) {
        int k = (int) Math.floor(ratio * g.size());
        if (k == 0 || k >= g.size()) return List.of();
        double[] squares = new double[g.size()];
        for (ChannelRef r : g.tensors(TensorRole.FILTER)) {
            float[] v = values.apply(r.tensor());
            if (v == null) continue;
            double[] perEntry = ChannelScores.perEntry(Tensor.ofFloats(Shape.of(dims.get(r.tensor())), v), null, r.axis(), x -> x * x);
            for (int c = 0; c < g.size(); c++) for (int i : g.channels().get(c).indicesOf(r)) squares[c] += perEntry[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < g.size(); c++) order.add(c);
        order.sort(Comparator.comparingDouble(c -> squares[c]));
        return List.copyOf(order.subList(0, k));
    }

    private void zero(PruningGroup g, int channel, ParameterSet ps) {
        for (ChannelIndex ci : g.channels().get(channel).indices()) {
            TensorRole role = ci.ref().role();
            boolean output = role == TensorRole.FILTER || role == TensorRole.BIAS || role == TensorRole.NORM_SCALE
                    || role == TensorRole.NORM_SHIFT;
            if (output && has(ps, ci.ref().tensor())) slices(ci.ref()).zero(ps.get(ci.ref().tensor()).values(), ci.index());
        }
    }

    private AxisSlices slices(ChannelRef r) { return new AxisSlices(dims.get(r.tensor()), r.axis()); }

    private boolean has(ParameterSet ps, String name) { return dims.containsKey(name) && ps.names().contains(name); }
}
