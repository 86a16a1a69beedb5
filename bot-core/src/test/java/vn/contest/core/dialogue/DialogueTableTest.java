package vn.contest.core.dialogue;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The dialogue table the code follows is the one the README and the architecture map show. */
class DialogueTableTest {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void theReadmeShowsTheTableTheCodeFollows() throws IOException {
        assertShows(ROOT.resolve("README.md"));
    }

    @Test
    void theArchitectureMapShowsTheTableTheCodeFollows() throws IOException {
        assertShows(ROOT.resolve("docs/ARCHITECTURE.md"));
    }

    static void assertShows(Path doc) throws IOException {
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        String table = DialogueTable.markdown();
        assertTrue(text.contains(table), doc + " must contain the dialogue table exactly as the code renders it:\n\n" + table);
    }
}
