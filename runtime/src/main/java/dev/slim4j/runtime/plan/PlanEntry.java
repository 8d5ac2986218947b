package dev.slim4j.runtime.plan;

/** What a plan does for one node: the kernel chosen ("reference", "folded", "alias", ...) and why. */
public record PlanEntry(String node, String opType, String kernel, String reason) {
    @Override public String toString() {
        return node + " -> " + kernel + " (" + reason + ")";
    }
}
