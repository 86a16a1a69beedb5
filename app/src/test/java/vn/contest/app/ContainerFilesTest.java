package vn.contest.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile and compose file cannot be built here (no container registry is reachable), so their content is
 * held to the code: the port the app listens on, the health path it serves, every variable they set documented in
 * the README's configuration table, a user that is not root, PostgreSQL 16, nginx passing the visitor's address,
 * and the proxy's network believed for it.
 */
class ContainerFilesTest {
    static final Path ROOT = Path.of("..");

    static String read(String file) throws Exception {
        return Files.readString(ROOT.resolve(file));
    }

    /** Every variable named in the first column of the README's configuration table. */
    static Set<String> documented() throws Exception {
        String readme = read("README.md");
        String table = readme.substring(readme.indexOf("## Configuration"));
        table = table.substring(0, table.indexOf("\n\n", table.indexOf("| Variable |")));
        Set<String> names = new LinkedHashSet<>();
        for (String row : table.lines().filter(l -> l.startsWith("| `")).toList()) {
            Matcher m = Pattern.compile("`([A-Z][A-Z0-9_]+)`").matcher(row.split("\\|")[1]);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The final stage of the Dockerfile: what the image runs with. */
    static List<String> finalStage() throws Exception {
        List<String> lines = read("Dockerfile").lines().map(String::strip).filter(l -> !l.startsWith("#") && !l.isEmpty()).toList();
        int last = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("FROM ")) {
                last = i;
            }
        }
        return lines.subList(last, lines.size());
    }

    static int defaultPort() {
        return AppConfig.fromEnv(Map.of()).port();
    }

    @Test
    void theImageListensWhereTheAppDoesAndChecksAHealthPathTheAppServes() throws Exception {
        List<String> stage = finalStage();
        String all = String.join("\n", stage);
        assertTrue(all.contains("EXPOSE " + defaultPort()), "EXPOSE the app's port " + defaultPort() + ":\n" + all);
        Matcher health = Pattern.compile("HEALTHCHECK .*CMD curl -fsS http://127\\.0\\.0\\.1:(\\d+)(/\\S*)").matcher(read("Dockerfile")
                .replace("\\\n", " "));
        assertTrue(health.find(), "a health check with curl");
        assertEquals(String.valueOf(defaultPort()), health.group(1));
        try (App app = TestApps.onSharedServer("container_files", Clock.systemUTC())) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + health.group(2))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), "the app serves the health check's path " + health.group(2));
            assertTrue(r.body().contains("\"status\":\"ok\""), r.body());
        }
        assertTrue(all.contains("COPY --from=build /src/app/target/contest-app.jar"), "the jar the README's build makes");
        assertTrue(read("Dockerfile").contains("mvn -B -q -DskipTests package"), "built as the README builds it");
        assertTrue(stage.get(0).startsWith("FROM eclipse-temurin:17-jre"), "a Temurin 17 JRE base: " + stage.get(0));
    }

    @Test
    void theAppRunsAsAUserThatIsNotRoot() throws Exception {
        List<String> users = finalStage().stream().filter(l -> l.startsWith("USER ")).toList();
        assertFalse(users.isEmpty(), "the image names its user");
        String user = users.get(users.size() - 1).substring(5).strip();
        assertFalse(user.equals("root") || user.equals("0") || user.startsWith("0:") || user.startsWith("root:"), user);
        assertTrue(read("Dockerfile").contains("useradd --system --uid 10001") && user.equals("contest"), "the user the image makes");
    }

    @Test
    void everyVariableTheContainerFilesSetIsInTheReadmesTable() throws Exception {
        Set<String> documented = documented();
        assertTrue(documented.size() > 20 && documented.contains("PUBLIC_URL"), "the table was read: " + documented);
        List<String> set = new ArrayList<>();
        // The Dockerfile's ENV (one instruction, continued over lines).
        Matcher env = Pattern.compile("(?m)^ENV ((?:.*\\\\\\n)*.*)$").matcher(read("Dockerfile"));
        while (env.find()) {
            Matcher pair = Pattern.compile("([A-Z][A-Z0-9_]*)=").matcher(env.group(1));
            while (pair.find()) {
                set.add("Dockerfile: " + pair.group(1));
            }
        }
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(read("compose.yaml"));
        compose.path("services").path("app").path("environment").fieldNames().forEachRemaining(k -> set.add("compose.yaml: " + k));
        for (String line : read("deploy/app.env.example").lines().filter(l -> l.matches("[A-Z][A-Z0-9_]*=.*")).toList()) {
            set.add("deploy/app.env.example: " + line.substring(0, line.indexOf('=')));
        }
        assertTrue(set.size() >= 15, set.toString());
        List<String> undocumented = set.stream().filter(s -> !documented.contains(s.substring(s.indexOf(": ") + 2))).toList();
        assertEquals(List.of(), undocumented, "set by the container files but not in the README's configuration table");
        assertEquals("deploy/app.env", compose.path("services").path("app").path("env_file").asText());
    }

    @Test
    void composeRunsPostgres16AndNginxPassingTheVisitorsAddressFromANetworkTheAppBelieves() throws Exception {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(read("compose.yaml"));
        JsonNode services = compose.path("services");
        assertTrue(services.path("db").path("image").asText().startsWith("postgres:16"), services.path("db").toString());
        assertTrue(services.path("app").path("environment").path("DATABASE_URL").asText().contains("@db:5432/"), "the app uses that database");
        assertEquals("service_healthy", services.path("app").path("depends_on").path("db").path("condition").asText());
        assertTrue(services.path("nginx").path("image").asText().startsWith("nginx:"));
        String subnet = compose.path("networks").path("default").path("ipam").path("config").get(0).path("subnet").asText();
        assertEquals(subnet, services.path("app").path("environment").path("TRUSTED_PROXIES").asText(),
                "X-Forwarded-For is believed from nginx's network, and only from there");
        String nginx = read("deploy/nginx.conf");
        assertTrue(services.path("nginx").path("volumes").toString().contains("./deploy/nginx.conf:/etc/nginx/conf.d/default.conf"));
        assertTrue(nginx.contains("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;"), nginx);
        assertTrue(nginx.contains("proxy_set_header X-Forwarded-Proto $scheme;"), "the app's cookies know they are behind https");
        assertTrue(nginx.contains("proxy_pass http://app:" + defaultPort() + ";"), "nginx reaches the app where it listens");
        assertTrue(nginx.contains("listen 443 ssl;") && nginx.contains("ssl_certificate "), "TLS ends at nginx");
        Matcher body = Pattern.compile("client_max_body_size (\\d+)m;").matcher(nginx);
        assertTrue(body.find() && Integer.parseInt(body.group(1)) > AppConfig.DEFAULT_MAX_UPLOAD_MB,
                "a question file of MAX_UPLOAD_MB gets through nginx");
    }

    @Test
    void theReadmeSaysPlainlyThatTheImageWasNotBuiltInCi() throws Exception {
        String readme = read("README.md");
        assertTrue(readme.contains("The image has not been built in CI"), "the README's container section says so");
        assertTrue(read("Dockerfile").contains("NOT BUILT IN CI") && read("compose.yaml").contains("NOT RUN IN CI"));
    }
}
