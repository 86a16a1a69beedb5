package vn.contest.core.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something that happens beside the test's thread (a callback answer, a background look-up). */
public final class Eventually {
    private Eventually() {}

    public static void await(BooleanSupplier condition, String what) {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
