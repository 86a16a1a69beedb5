package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/OPERATIONS.md held to the code: every command in its shell blocks is one the app has, every variable one
 * the README documents, every address one the app serves, and every alert the code can raise is explained.
 * (Each command was also run by hand when the runbook was written; this keeps them from going stale.)
 */
class OperationsDocTest {
    static final Path ROOT = Path.of("..");
    static final String JAR = "java -jar app/target/contest-app.jar ";

    static List<String> commands() throws Exception {
        String doc = Files.readString(ROOT.resolve("docs/OPERATIONS.md"));
        List<String> lines = new ArrayList<>();
        Matcher block = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        while (block.find()) {
            block.group(1).lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(lines::add);
        }
        return lines;
    }

    /** What {@code help} lists. */
    static String usage() {
        PrintStream out = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            Main.main(new String[] {"help"});
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } finally {
            System.setOut(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyCommandIsOneTheAppHasAndEveryVariableIsDocumented() throws Exception {
        List<String> commands = commands();
        assertTrue(commands.size() >= 15, commands.toString());
        String usage = usage();
        Set<String> documented = ContainerFilesTest.documented();
        Set<String> used = new LinkedHashSet<>();
        for (String line : commands) {
            String rest = line;
            Matcher assignment = Pattern.compile("^([A-Z][A-Z0-9_]*)=\\S+\\s+").matcher(rest);
            while (assignment.find()) {
                assertTrue(documented.contains(assignment.group(1)), assignment.group(1) + " in: " + line);
                rest = rest.substring(assignment.end());
                assignment = Pattern.compile("^([A-Z][A-Z0-9_]*)=\\S+\\s+").matcher(rest);
            }
            Matcher variable = Pattern.compile("\\$([A-Z][A-Z0-9_]*)").matcher(line);
            while (variable.find()) {
                assertTrue(documented.contains(variable.group(1)), "$" + variable.group(1) + " is a documented variable: " + line);
            }
            if (rest.startsWith(JAR)) {
                String command = rest.substring(JAR.length()).split("\\s+")[0];
                assertTrue(usage.lines().anyMatch(l -> l.strip().startsWith(command + " ") || l.strip().equals(command)),
                        "the app's help lists " + command + ":\n" + usage);
                used.add(command);
            }
        }
        assertEquals(Set.of("doctor", "telegram-webhook", "serve", "import-questions", "backup", "restore", "zalo-tokens"), used,
                "the runbook uses every operator command");
    }

    @Test
    void everyAddressItCurlsIsServed() throws Exception {
        List<String> paths = new ArrayList<>();
        for (String line : commands()) {
            Matcher url = Pattern.compile("\"\\$PUBLIC_URL(/[^\"]*)\"").matcher(line);
            if (line.startsWith("curl ") && url.find()) {
                paths.add(url.group(1));
            }
        }
        assertTrue(paths.containsAll(List.of("/health", "/metrics")), paths.toString());
        try (App app = TestApps.onSharedServer("operations_doc", Clock.systemUTC())) {
            HttpClient http = HttpClient.newHttpClient();
            for (String path : new LinkedHashSet<>(paths)) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                        .header("Authorization", "Bearer test-metrics-token").build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), path);
            }
            // One message handled (the turn's figures), and a reply waiting on a channel this app does not serve (the outbox's).
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/web/messages"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"runbook-1\",\"text\":\"xin chào\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            app.database().jdbi().useHandle(h -> h.execute("INSERT INTO outbox (channel, chat_id, payload) VALUES ('elsewhere', 'x', "
                    + "'{\"chat\":{\"channel\":\"elsewhere\",\"externalId\":\"x\"},\"text\":\"x\",\"choices\":[],\"kind\":\"text\"}')"));
            String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (String name : List.of("contest_outbox_depth", "contest_outbox_oldest_age_seconds", "contest_papers_in_progress",
                    "hikaricp_connections_pending", "contest_turn_latency_seconds")) {
                assertTrue(metrics.contains(name), name + " is a figure the app serves");
            }
        }
    }

    /** Every alert code the code can raise, from its sources: those in {@code new Alert("…")}, held sends' codes, /health's. */
    static Set<String> alertCodes() throws Exception {
        Set<String> codes = new LinkedHashSet<>();
        Pattern alert = Pattern.compile("new Alert\\(\"([A-Z][A-Z0-9_]+)\"|^\\s+[A-Z_]+\\(\"([A-Z][A-Z0-9_]+)\", (?:Duration|null)|\"(DATABASE_UNAVAILABLE)\"");
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    Matcher m = alert.matcher(line);
                    while (m.find()) {
                        codes.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
                    }
                }
            }
        }
        return codes;
    }

    @Test
    void everyAlertTheCodeRaisesIsExplained() throws Exception {
        Set<String> codes = alertCodes();
        assertTrue(codes.containsAll(List.of("DATABASE_UNAVAILABLE", "ZALO_TOKEN_REFRESH_FAILED", "ZALO_QUOTA_EXCEEDED", "ZALO_NIGHT_BAN")),
                "the sources were read: " + codes);
        String doc = Files.readString(ROOT.resolve("docs/OPERATIONS.md"));
        String table = doc.substring(doc.indexOf("| Alert (`/health`) |"));
        table = table.substring(0, table.indexOf("\n\n"));
        for (String code : codes) {
            assertTrue(table.contains("`" + code + "`"), code + " has its line in the runbook's alert table");
        }
    }
}
