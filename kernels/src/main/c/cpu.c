/*
 * What the CPU running slim4j can execute, asked once by the Java side before it links a kernel. Compiled for
 * the baseline x86-64 (each kernel file names its own instruction set with a target pragma), so these run anywhere.
 */
int slim4j_int8_supported(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw")
        && __builtin_cpu_supports("avx512vnni");
}

int slim4j_int8_avx2_supported(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2");
}
