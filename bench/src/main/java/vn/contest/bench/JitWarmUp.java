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
 *
 * <p>What "little" means: the JVM's compile time (each compile's wall time, summed over the compiler threads, added
 * when the compile ends) under a tenth of the pass's wall time. Under load a compile's wall time includes waiting for a
 * core, so the figure is a load, not a share of the CPU; it can pass 100%.
 */
final class JitWarmUp {
    private static final double QUIET_LOAD = 0.10;
    private static final int MAX_PASSES = 8;
    private static final long MAX_IDLE_MS = 120_000;
    /** The idle wait ends after this many seconds in a row each under {@link #QUIET_MS_A_SECOND} of compiling. */
    private static final int QUIET_SECONDS = 2;
    private static final long QUIET_MS_A_SECOND = 10;

    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
    private static final boolean REPORTED = JIT != null && JIT.isCompilationTimeMonitoringSupported();

    /** One pass of load over every route. */
    interface Pass {
        void run() throws Exception;
    }

    private JitWarmUp() {}

    /** Milliseconds of compiling so far (see the class comment); 0 where the JVM does not say. */
    static long compiledMs() {
        return REPORTED ? JIT.getTotalCompilationTime() : 0;
    }

    static void untilQuiet(Pass pass) throws Exception {
        for (int n = 1; ; n++) {
            long jitBefore = compiledMs();
            long start = System.nanoTime();
            pass.run();
            long passMs = (System.nanoTime() - start) / 1_000_000;
            long jitMs = compiledMs() - jitBefore;
            long idleMs = idleUntilQuiet();
            if (!REPORTED || passMs == 0) {
                return; // nothing to judge by (or no route ran): one pass, the warm-up this bench had before
            }
            double jitLoad = (double) jitMs / passMs;
            System.out.printf(Locale.ROOT, "warm-up pass %d: %d ms of compiling in its %.0f s (%.0f%%), then its queue "
                    + "drained in %.0f s idle%n", n, jitMs, passMs / 1e3, jitLoad * 100, idleMs / 1e3);
            if (jitLoad < QUIET_LOAD || n == MAX_PASSES) {
                return;
            }
        }
    }

    /**
     * Waits, with no load, until the compiler has been quiet for {@link #QUIET_SECONDS} seconds in a row (a long
     * compile in progress adds nothing until it ends, so one quiet second is not enough); returns how long that took.
     */
    private static long idleUntilQuiet() throws InterruptedException {
        long start = System.nanoTime();
        long last = compiledMs();
        int quiet = 0;
        while (quiet < QUIET_SECONDS && (System.nanoTime() - start) / 1_000_000 < MAX_IDLE_MS) {
            Thread.sleep(1000);
            long now = compiledMs();
            quiet = now - last < QUIET_MS_A_SECOND ? quiet + 1 : 0;
            last = now;
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
