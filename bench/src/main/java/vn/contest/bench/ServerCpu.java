package vn.contest.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time the servers have used so far: the HTTP servers' worker threads in this JVM (Jetty's pools, product and
 * bare route alike) and PostgreSQL (the embedded server's processes, its backends included). Taken before and after a
 * run, it gives the CPU an answer costs each side, a figure far steadier than answers a second on a shared machine,
 * where the load generator competes for the same two cores.
 */
record ServerCpu(long workersNanos, long postgresNanos) {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Linux counts a process's CPU in clock ticks, 100 a second on every common build. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    static ServerCpu now(Path postgresData) {
        long workers = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("JettyServerThreadPool")) {
                long cpu = THREADS.getThreadCpuTime(t.getId());
                workers += Math.max(cpu, 0);
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

    /** Microseconds an answer, each side, from {@code before} to this snapshot. */
    double[] perAnswerSince(ServerCpu before, long answers) {
        return new double[] {(workersNanos - before.workersNanos) / 1e3 / answers, (postgresNanos - before.postgresNanos) / 1e3 / answers};
    }

    /** User and system ticks of a process (/proc/PID/stat fields 14 and 15); 0 when it is gone or not Linux. */
    private static long ticks(ProcessHandle p) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(p.pid()), "stat"));
            // The command name (field 2) is in parentheses and may hold spaces: count from after it.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
