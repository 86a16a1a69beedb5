package vn.contest.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Warms this JVM up until its JIT compiler is quiet, so that counted runs measure code as a server that has been up
 * for a while runs it. Under load on two cores the one C2 compiler thread gets a small share of the CPU: with a fixed
 * warm-up, PrintCompilation showed the web route's hot methods (the turn, the answer's store) still in C1's profiling
 * tier three minutes in, while the bare route's few methods were long compiled. So each pass of load is followed by
 * an idle wait in which the compiler drains its queue, and passes repeat until one compiles little.
 */
final class JitWarmUp {
    /** A pass counts as quiet when compiling took under this share of its time. */
    private static final double QUIET_SHARE = 0.10;
    private static final int MAX_PASSES = 8;
    private static final long MAX_IDLE_MS = 120_000;

    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

    /** One pass of load over every route. */
    interface Pass {
        void run() throws Exception;
    }

    private JitWarmUp() {}

    /** Milliseconds this JVM's compilers have spent so far (summed over their threads); 0 where the JVM does not say. */
    static long compiledMs() {
        return JIT != null && JIT.isCompilationTimeMonitoringSupported() ? JIT.getTotalCompilationTime() : 0;
    }

    static void untilQuiet(Pass pass) throws Exception {
        for (int n = 1; ; n++) {
            long jitBefore = compiledMs();
            long start = System.nanoTime();
            pass.run();
            long passMs = (System.nanoTime() - start) / 1_000_000;
            long jitMs = compiledMs() - jitBefore;
            long idleMs = idleUntilQuiet();
            double share = (double) jitMs / passMs;
            System.out.printf(Locale.ROOT, "warm-up pass %d: the JIT compiled for %d ms of its %.0f s (%.1f%%), then drained its queue "
                    + "in %.0f s idle%n", n, jitMs, passMs / 1e3, share * 100, idleMs / 1e3);
            // A JVM that does not report its compiling reads as quiet after one pass, the warm-up this bench had before.
            if (share < QUIET_SHARE || n == MAX_PASSES) {
                return;
            }
        }
    }

    /** Waits, with no load, until a second passes with under 10 ms of compiling; returns how long that took. */
    private static long idleUntilQuiet() throws InterruptedException {
        long start = System.nanoTime();
        long last = compiledMs();
        while ((System.nanoTime() - start) / 1_000_000 < MAX_IDLE_MS) {
            Thread.sleep(1000);
            long now = compiledMs();
            if (now - last < 10) {
                break;
            }
            last = now;
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
