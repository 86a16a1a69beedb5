package vn.contest.core.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * TopRanking reads the head of a ranking through an index, walking the key's first parts; nothing in the SQL
 * would fail if the key were reordered, so this holds the walk and the index to {@link RankingKey} without a
 * database (RankingReferenceTest compares the results on data).
 */
class TopRankingWalkTest {
    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

    @Test
    void theWalkFollowsTheFirstPartsOfTheRankingKey() {
        List<RankingKey.Part> walked = TopRanking.WALK.stream().map(TopRanking.Walked::part).toList();
        assertEquals(walked, RankingKey.parts().subList(0, walked.size()), "the key: " + RankingKey.parts());
    }

    @Test
    void theIndexTheWalkReadsIsTheOneTheMigrationsBuild() throws IOException, URISyntaxException {
        assertEquals(TopRanking.INDEX, indexColumns("round_results_key"));
    }

    /** The walk's distance is read as ranges of predictions, so the key's distance must be the prediction's. */
    @Test
    void theDistanceTheWalkReadsIsTheKeysDistance() {
        TopRanking.Walked distance = TopRanking.WALK.get(1);
        assertEquals("abs(rr." + distance.indexColumn() + " - :actual) AS " + distance.part().column(), RankingKey.DISTANCE);
    }

    /** The columns (names only) of the last definition of {@code index} across the migrations, in version order. */
    static List<String> indexColumns(String index) throws IOException, URISyntaxException {
        // A creation gives the columns, a later drop takes them away.
        Pattern statement = Pattern.compile("DROP\\s+INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+EXISTS\\s+)?" + index + "\\b"
                + "|CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?" + index
                + "\\s+ON\\s+\\w+\\s*(?:USING\\s+\\w+\\s*)?\\(([^)]*)\\)", Pattern.CASE_INSENSITIVE);
        Path dir = Path.of(TopRankingWalkTest.class.getResource("/db/migration").toURI());
        List<String> columns = null;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> VERSION.matcher(f.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(TopRankingWalkTest::version)).toList()) {
                Matcher m = statement.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    columns = m.group(1) == null ? null
                            : Arrays.stream(m.group(1).split(",")).map(c -> c.strip().split("\\s+")[0]).toList();
                }
            }
        }
        assertNotNull(columns, "no migration creates " + index);
        return columns;
    }

    private static int version(Path file) {
        Matcher m = VERSION.matcher(file.getFileName().toString());
        m.matches();
        return Integer.parseInt(m.group(1));
    }
}
