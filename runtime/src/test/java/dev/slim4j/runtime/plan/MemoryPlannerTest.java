package dev.slim4j.runtime.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Buffers whose lifetimes overlap never share floats; the others reuse memory; the peak is the arena size. */
class MemoryPlannerTest {
    private static ArenaBuffer buffer(String name, long floats, int first, int last) {
        ArenaBuffer b = new ArenaBuffer(name, floats, first);
        b.useAt(last);
        return b;
    }

    @Test
    void chainReusesTheFreedBuffer() {
        // a -> b -> c: a and c never live together, so c takes a's place; peak = a + b
        ArenaBuffer a = buffer("a", 100, 0, 1);
        ArenaBuffer b = buffer("b", 100, 1, 2);
        ArenaBuffer c = buffer("c", 100, 2, 3);
        assertEquals(200, MemoryPlanner.plan(List.of(a, b, c)));
        assertEquals(a.offset, c.offset);
    }

    @Test
    void overlappingBuffersNeverShare() {
        List<ArenaBuffer> buffers = List.of(buffer("a", 64, 0, 5), buffer("b", 32, 1, 2), buffer("c", 48, 2, 4),
                buffer("d", 16, 3, 6), buffer("e", 80, 6, 7), buffer("f", 8, 0, 7));
        long peak = MemoryPlanner.plan(buffers);
        for (ArenaBuffer x : buffers) {
            assertFalse(x.offset + x.floats > peak, x + " past the peak " + peak);
            for (ArenaBuffer y : buffers) {
                if (x == y || !x.overlaps(y)) continue;
                boolean disjoint = x.offset + x.floats <= y.offset || y.offset + y.floats <= x.offset;
                assertEquals(true, disjoint, x + " and " + y + " live together but share memory");
            }
        }
        // at step 2 a, b, c and f are live: 64 + 32 + 48 + 8 floats at least
        assertEquals(true, peak >= 152, "peak " + peak);
    }
}
