package dev.slim4j.train.optim;

/** Checks and copies a restored optimizer buffer against the parameter it belongs to. */
final class Buffers {
    private Buffers() {}

    static float[] copyFor(ParameterSet parameters, OptimizerState.Slot slot) {
        Parameter p = parameters.get(slot.parameter());
        if (slot.values().length != p.size()) {
            throw new IllegalArgumentException("buffer '" + slot.buffer() + "' of parameter '" + slot.parameter()
                    + "' has " + slot.values().length + " values, expected " + p.size());
        }
        return slot.values().clone();
    }
}
