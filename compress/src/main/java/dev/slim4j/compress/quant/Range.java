package dev.slim4j.compress.quant;

/** A closed range of real values [min, max] chosen for a tensor by an observer (or read from a scale file). */
public record Range(float min, float max) {
    public Range {
        if (!Float.isFinite(min) || !Float.isFinite(max) || min > max) {
            throw new IllegalArgumentException("expected a finite range min <= max, found [" + min + ", " + max + "]");
        }
    }
}
