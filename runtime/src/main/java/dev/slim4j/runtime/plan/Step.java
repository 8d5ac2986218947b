package dev.slim4j.runtime.plan;

/** One node of a plan, bound to its operands and kernel. */
interface Step {
    void run(Frame frame);
}
