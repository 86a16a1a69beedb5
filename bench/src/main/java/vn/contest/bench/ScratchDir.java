package vn.contest.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.file.PathUtils;

/**
 * A bench's own data directory (its embedded PostgreSQL, the app's files), deleted when the bench is done with it: a
 * load bench's is one to two gigabytes, and a day of runs that kept theirs filled this machine's disk. Declared first
 * among a bench's resources, it is closed last, after the servers that write into it have stopped. A bench stopped
 * with Ctrl-C leaves it behind; its path is printed at the start.
 */
final class ScratchDir implements AutoCloseable {
    private final Path path;

    private ScratchDir(Path path) {
        this.path = path;
    }

    static ScratchDir create(String prefix) throws IOException {
        ScratchDir dir = new ScratchDir(Files.createTempDirectory(prefix));
        System.out.println("data in " + dir.path + " (deleted at the end)");
        return dir;
    }

    Path resolve(String name) {
        return path.resolve(name);
    }

    @Override
    public void close() {
        try {
            PathUtils.deleteDirectory(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the bench's data in " + path, e);
        }
    }
}
