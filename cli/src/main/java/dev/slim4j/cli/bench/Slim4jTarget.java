package dev.slim4j.cli.bench;

import dev.slim4j.ir.Model;
import dev.slim4j.ir.Value;
import dev.slim4j.onnx.OnnxReader;
import dev.slim4j.runtime.Session;
import dev.slim4j.runtime.SessionOptions;
import dev.slim4j.runtime.plan.Plan;
import dev.slim4j.tensor.Tensor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** slim4j's {@link Session} with {@code threads} intra-op threads, used through its public API only. */
final class Slim4jTarget implements InferenceTarget {
    private final Session session;
    private final double loadMillis;
    private Map<String, Tensor> feeds;
    /** Keeps the last result reachable so a run can never be treated as dead code. */
    private Map<String, Tensor> last;

    private Slim4jTarget(Session session, double loadMillis) {
        this.session = session;
        this.loadMillis = loadMillis;
    }

    /** Reads the model file and creates the session (both count as load time); bind feeds before running. */
    static Slim4jTarget open(Path file, int threads) {
        long start = System.nanoTime();
        Model model = OnnxReader.read(file);
        Session s = Session.create(model, new SessionOptions(threads));
        return new Slim4jTarget(s, (System.nanoTime() - start) / 1e6);
    }

    /** The inputs the session expects. */
    List<Value> inputs() { return session.inputs(); }

    /** The compiled plan for the bound feeds: kernel per node and the planned activation arena. */
    Plan plan() { return session.plan(boundFeeds()); }

    /** Sets the feeds every run uses. */
    Slim4jTarget bind(Map<String, Tensor> newFeeds) {
        this.feeds = Objects.requireNonNull(newFeeds, "feeds");
        return this;
    }

    @Override public String name() { return "slim4j"; }

    @Override public double loadMillis() { return loadMillis; }

    /** One run adding each plan step's nanoseconds to {@code stepNanos}. */
    void runProfiled(long[] stepNanos) {
        last = plan().run(boundFeeds(), dev.slim4j.runtime.ExecutionException::new, stepNanos);
    }

    @Override public void runOnce() { last = session.run(boundFeeds()); }

    @Override public Map<String, Tensor> outputs() { return session.run(boundFeeds()); }

    private Map<String, Tensor> boundFeeds() {
        if (feeds == null) throw new IllegalStateException("no feeds bound to the slim4j session");
        return feeds;
    }

    @Override public void close() {
        last = null;
        session.close();
    }
}
