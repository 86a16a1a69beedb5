package vn.contest.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.io.FileUtils;

/**
 * The app as the operator runs it, in its own JVM (the tests' classpath, `Main serve`), on a database of the
 * tests' shared server, so that a test can kill it with SIGKILL and start another on the same port.
 */
final class ChildApp implements AutoCloseable {
    final int port;
    private final Map<String, String> env;
    private final Path log;
    private final Path data;
    private Process process;

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** An instance on {@code port}: a restarted one takes its predecessor's, as behind a proxy. */
    ChildApp(String databaseUrl, int port, Map<String, String> extraEnv) throws IOException {
        this.port = port;
        this.log = Files.createTempFile("child-app", ".log");
        this.data = Files.createTempDirectory("child-data");
        this.env = new java.util.HashMap<>(Map.of("HOST", "127.0.0.1", "PORT", String.valueOf(port), "DATABASE_URL", databaseUrl,
                "DATABASE_USER", "postgres", "DATABASE_PASSWORD", "postgres", "ADMIN_PASSWORD", TestApps.ADMIN_PASSWORD,
                "DATA_DIR", data.toString()));
        // Tests drive the page far faster than a person types: the web limits out of reach.
        this.env.putAll(Map.of("WEB_MESSAGES_PER_MINUTE", "1000000", "WEB_NEW_CHATS_PER_HOUR", "1000000",
                "WEB_MESSAGES_PER_SECOND_PER_CHAT", "100000"));
        this.env.putAll(extraEnv);
    }

    /** Starts the JVM and waits until /health answers 200. */
    ChildApp start() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve"));
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = pb.start();
        HttpClient http = HttpClient.newHttpClient();
        long end = System.nanoTime() + 90_000_000_000L;
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited: " + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the app did not come up: " + Files.readString(log));
    }

    /** kill -9: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Stops the instance and deletes its log and data folder (its messages have been read by then, or never will be). */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
        FileUtils.deleteQuietly(log.toFile());
        FileUtils.deleteQuietly(data.toFile());
    }
}
