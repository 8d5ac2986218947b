package dev.slim4j.train.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmentationTest {
    private static final int C = 2, H = 4, W = 5;

    /** Distinct, non-zero values so that any shift or flip is recognisable. */
    private static float[] image() {
        float[] x = new float[C * H * W];
        for (int i = 0; i < x.length; i++) x[i] = i + 1;
        return x;
    }

    /** The image shifted so that out(y, x) = in(y + dy, x' + dx), x' mirrored when flipped, zero outside. */
    private static float[] expected(float[] in, int dy, int dx, boolean flip) {
        float[] out = new float[in.length];
        for (int c = 0; c < C; c++) {
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int sy = y + dy, sx = (flip ? W - 1 - x : x) + dx;
                    if (sy >= 0 && sy < H && sx >= 0 && sx < W) out[(c * H + y) * W + x] = in[(c * H + sy) * W + sx];
                }
            }
        }
        return out;
    }

    private static float[] apply(Augmentation a, long seed) {
        float[] out = new float[C * H * W];
        a.apply(image(), C, H, W, out, 0, new SplittableRandom(seed));
        return out;
    }

    /** Which (dy, dx, flip) produced {@code out}, or null if none did. */
    private static String identify(float[] out, int padding) {
        for (int dy = -padding; dy <= padding; dy++) {
            for (int dx = -padding; dx <= padding; dx++) {
                for (boolean flip : new boolean[] {false, true}) {
                    if (java.util.Arrays.equals(out, expected(image(), dy, dx, flip))) return dy + "," + dx + "," + flip;
                }
            }
        }
        return null;
    }

    @Test void noAugmentationIsTheIdentity() {
        assertArrayEquals(image(), apply(Augmentation.defaults(), 1));
    }

    @Test void flipMirrorsRowsAboutHalfTheTime() {
        Augmentation flip = Augmentation.defaults().withHorizontalFlip(true);
        int flipped = 0;
        for (long seed = 0; seed < 400; seed++) {
            String how = identify(apply(flip, seed), 0);
            assertTrue(how != null, "seed " + seed + " gave neither the image nor its mirror");
            if (how.endsWith("true")) flipped++;
        }
        assertTrue(flipped > 150 && flipped < 250, "flipped " + flipped + " of 400");
    }

    @Test void cropShiftsWithZeroPaddingOverEveryOffset() {
        Augmentation crop = Augmentation.defaults().withPadding(2).withHorizontalFlip(true);
        Set<String> seen = new HashSet<>();
        for (long seed = 0; seed < 2000; seed++) {
            String how = identify(apply(crop, seed), 2);
            assertTrue(how != null, "seed " + seed + " gave no shifted copy of the image");
            seen.add(how);
        }
        assertEquals(5 * 5 * 2, seen.size(), "every shift in [-2, 2]^2, with and without flip");
    }

    @Test void sameSeedSameResult() {
        Augmentation a = Augmentation.defaults().withPadding(3).withHorizontalFlip(true);
        assertArrayEquals(apply(a, 99), apply(a, 99));
    }

    @Test void writesAtTheOffsetOnly() {
        float[] out = new float[C * H * W + 3];
        Augmentation.defaults().apply(image(), C, H, W, out, 3, new SplittableRandom(0));
        assertEquals(0f, out[0]);
        assertEquals(1f, out[3]);
        assertEquals(C * H * W, out[out.length - 1]);
    }
}
