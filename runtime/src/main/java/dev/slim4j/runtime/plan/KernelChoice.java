package dev.slim4j.runtime.plan;

/** Which implementations a plan may use: the fast kernels where a rule selects one, or only the reference ops. */
public enum KernelChoice {
    /** Fast kernels where a selection rule applies, the reference ops elsewhere. */
    FAST,
    /** Every node through the scalar reference ops (the oracle). */
    REFERENCE
}
