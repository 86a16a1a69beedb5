package vn.contest.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time the servers have used so far: each of the HTTP servers' worker threads in this JVM (Jetty's pools, product
 * and bare route alike) and PostgreSQL (the embedded server's processes, its backends included). Taken before and
 * after a run, it gives the CPU an answer costs each side, a figure far steadier than answers a second on a shared
 * machine, where the load generator competes for the same two cores.
 */
record ServerCpu(Map<Long, Long> workerNanos, long postgresNanos) {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Linux counts a process's CPU in clock ticks, 100 a second on every common build. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    static ServerCpu now(Path postgresData) {
        Map<Long, Long> workers = new HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("JettyServerThreadPool")) {
                long cpu = THREADS.getThreadCpuTime(t.getId());
                if (cpu >= 0) {
                    workers.put(t.getId(), cpu);
                }
            }
        }
        // The embedded server runs detached from this JVM: its postmaster is the process started on this data directory.
        String dataArgument = "-D " + postgresData;
        long postgres = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(dataArgument)).orElse(false))
                .flatMap(p -> java.util.stream.Stream.concat(java.util.stream.Stream.of(p), p.descendants()))
                .mapToLong(ServerCpu::ticks).sum() * NANOS_PER_TICK;
        return new ServerCpu(workers, postgres);
    }

    /**
     * Microseconds an answer, each side, from {@code before} to this snapshot. Thread by thread: a worker the pool
     * started since counts from zero, and one it retired since is left out rather than taken off whole.
     */
    double[] perAnswerSince(ServerCpu before, long answers) {
        long workers = 0;
        for (Map.Entry<Long, Long> w : workerNanos.entrySet()) {
            workers += w.getValue() - before.workerNanos.getOrDefault(w.getKey(), 0L);
        }
        return new double[] {workers / 1e3 / answers, (postgresNanos - before.postgresNanos) / 1e3 / answers};
    }

    /**
     * User and system ticks of a process and of its children that have exited (/proc/PID/stat fields 14 to 17: the
     * postmaster's count the backends and autovacuum workers that ended between two snapshots); 0 when it is gone or
     * not Linux.
     */
    private static long ticks(ProcessHandle p) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(p.pid()), "stat"));
            // The command name (field 2) is in parentheses and may hold spaces: count from after it.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
