package dev.slim4j.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Java heap used by one run, measured with the JVM's management beans (the Session has no public
 * planned-peak figure yet): {@code peakDeltaBytes} is the sum of the heap pools' peaks during the run
 * minus the heap in use before it (after a GC); an upper bound, since garbage not yet collected
 * counts. {@code allocatedBytes} is what all threads allocated during the run.
 */
record HeapUse(long peakDeltaBytes, long allocatedBytes) {
    /** What the figures mean, for the report. */
    static final String SOURCE = "heap peak delta over one run (upper bound: includes uncollected garbage)";

    static HeapUse measure(Runnable run) {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isValid()).toList();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.gc();
        long before = pools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long allocatedBefore = threads.getTotalThreadAllocatedBytes();
        run.run();
        long allocated = threads.getTotalThreadAllocatedBytes() - allocatedBefore;
        long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new HeapUse(Math.max(0, peak - before), Math.max(0, allocated));
    }
}
