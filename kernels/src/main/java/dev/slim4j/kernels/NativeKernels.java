package dev.slim4j.kernels;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The project's native kernel library, built from {@code src/main/c} by the kernels module's build when a C
 * compiler is there and shipped as a class-path resource. Loaded once: copied to a temporary file, linked, and
 * asked whether the CPU has what it was compiled for. Any failure leaves the pure-Java kernels in use, with the
 * reason kept for the start-up log.
 */
final class NativeKernels {
    static final String RESOURCE = "/native/linux-x86_64/libslim4j-kernels.so";

    private final Int8Gemm int8Gemm;
    private final String reason;

    private NativeKernels(Int8Gemm int8Gemm, String reason) {
        this.int8Gemm = int8Gemm;
        this.reason = reason;
    }

    /** Loads the library, or says why it is not used. */
    static NativeKernels load() {
        if (KernelProperties.forceScalar()) return unavailable(KernelProperties.FORCE_SCALAR + " is set");
        String os = System.getProperty("os.name", "") + "/" + System.getProperty("os.arch", "");
        if (!os.startsWith("Linux/") || !(os.endsWith("amd64") || os.endsWith("x86_64"))) {
            return unavailable("no native kernels for " + os);
        }
        try (InputStream in = NativeKernels.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return unavailable("the build did not produce " + RESOURCE + " (no C compiler?)");
            Path file = Files.createTempFile("slim4j-kernels", ".so");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            SymbolLookup lib = SymbolLookup.libraryLookup(file, Arena.global());
            var supported = Linker.nativeLinker().downcallHandle(lib.findOrThrow("slim4j_int8_supported"),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT));
            if ((int) supported.invokeExact() == 0) return unavailable("the CPU has no AVX-512 VNNI");
            return new NativeKernels(new NativeInt8Gemm(lib), "");
        } catch (IOException | RuntimeException e) {
            return unavailable("loading " + RESOURCE + " failed: " + e);
        } catch (Throwable t) {
            return unavailable("calling " + RESOURCE + " failed: " + t);
        }
    }

    private static NativeKernels unavailable(String why) {
        return new NativeKernels(null, why);
    }

    Optional<Int8Gemm> int8Gemm() {
        return Optional.ofNullable(int8Gemm);
    }

    /** Why the native kernels are not used (empty when they are). */
    String reason() {
        return reason;
    }
}
