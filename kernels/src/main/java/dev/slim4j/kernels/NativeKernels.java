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
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The project's native kernel library, built from {@code src/main/c} by the kernels module's build when a C
 * compiler is there and shipped as a class-path resource. Loaded once: copied to a temporary file, linked, and
 * asked whether the CPU has what it was compiled for. Any failure leaves the pure-Java kernels in use, with the
 * reason kept for the start-up log. The int8 GEMM is the AVX-512 VNNI kernel where the CPU has VNNI, else the AVX2
 * kernel.
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
        return load(EnumSet.allOf(NativeInt8Gemm.Variant.class));
    }

    /** Loads the library with the best of {@code allowed} the CPU runs (tests ask for one variant alone). */
    static NativeKernels load(Set<NativeInt8Gemm.Variant> allowed) {
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
            if (allowed.contains(NativeInt8Gemm.Variant.VNNI) && asks(lib, "slim4j_int8_supported")) {
                return new NativeKernels(new NativeInt8Gemm(lib, NativeInt8Gemm.Variant.VNNI), "");
            }
            if (allowed.contains(NativeInt8Gemm.Variant.AVX2) && asks(lib, "slim4j_int8_avx2_supported")) {
                return new NativeKernels(new NativeInt8Gemm(lib, NativeInt8Gemm.Variant.AVX2), "");
            }
            return unavailable("the CPU has none of " + allowed);
        } catch (IOException | RuntimeException e) {
            return unavailable("loading " + RESOURCE + " failed: " + e);
        } catch (Throwable t) {
            return unavailable("calling " + RESOURCE + " failed: " + t);
        }
    }

    /** Calls the library's {@code int name(void)} CPU check. */
    private static boolean asks(SymbolLookup lib, String name) throws Throwable {
        var check = Linker.nativeLinker().downcallHandle(lib.findOrThrow(name), FunctionDescriptor.of(ValueLayout.JAVA_INT));
        return (int) check.invokeExact() != 0;
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
