package dev.slim4j.kernels;

/**
 * The one place that reads the {@code slim4j.kernels.*} system properties, once, at class initialisation.
 *
 * <ul>
 *   <li>{@code slim4j.kernels.scalar=true}: force the scalar reference kernels even where the Vector API works.
 * </ul>
 */
final class KernelProperties {
    static final String FORCE_SCALAR = "slim4j.kernels.scalar";

    private static final boolean FORCE_SCALAR_VALUE = Boolean.getBoolean(FORCE_SCALAR);

    private KernelProperties() {}

    /** Whether {@value #FORCE_SCALAR} asks for the scalar kernels. */
    static boolean forceScalar() {
        return FORCE_SCALAR_VALUE;
    }
}
