package dev.slim4j.cli.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Whether HotSpot's JIT has gone quiet: its total compilation time (JMX) unchanged for a while. On a 2-core
 * AVX2 machine a resnet20 batch of 32 ran at 162 ms, against 66-70 ms later in the same process, until C2 had
 * compiled the GEMM micro-kernel (18.6 s into one run): a fixed warm-up of a few seconds measured the JIT, not
 * the kernels.
 */
public final class JitActivity {
    private final CompilationMXBean bean = ManagementFactory.getCompilationMXBean();
    private long lastTotal = -1;
    private long since;

    /**
     * True once the compilation time has not changed for {@code quietNanos} across calls (call it once a round);
     * true at once where the JVM does not report compilation time.
     */
    public boolean idleFor(long quietNanos) {
        if (bean == null || !bean.isCompilationTimeMonitoringSupported()) return true;
        long total = bean.getTotalCompilationTime();
        long now = System.nanoTime();
        if (total != lastTotal) {
            lastTotal = total;
            since = now;
            return false;
        }
        return now - since >= quietNanos;
    }
}
