package vn.contest.core.store;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;

/**
 * A logical backup of the contest's data, through the app's own connection (so it works on the embedded
 * server, whose artifact ships no pg_dump, and on an external one): every table's rows as CSV in a zip, with a
 * manifest of the schema version and each table's columns, rows and bytes. A restore goes into an empty
 * database at the same schema version; it reads the whole file once, streaming, and refuses it before writing
 * anything when it is not complete (a table missing, rows or bytes other than the manifest says, an entry past
 * the size limit), then loads it, streaming again, in one transaction. Memory stays flat whatever the file holds.
 */
public final class Backup {
    static final String MANIFEST = "manifest.txt";
    private static final String FORMAT = "contest-backup\t2";
    /** What the backups of versions before the manifest held instead: table names and columns, no counts. */
    private static final String OLD_INDEX = "tables.txt";
    private static final int MAX_MANIFEST_BYTES = 1024 * 1024;

    /** How much a restore unpacks: per table and in all (a million people's papers are a few GB of CSV). */
    public record Limits(long maxEntryBytes, long maxTotalBytes) {
        public static final Limits DEFAULT = new Limits(8L << 30, 32L << 30);
    }

    /** One table as the manifest lists it. */
    private record Table(String name, long rows, long bytes, List<String> columns) {
        String entry() {
            return "data/" + name + ".csv";
        }
    }

    private Backup() {}

    /** Writes every table of the contest (not Flyway's history) to {@code out}; returns how many tables. */
    public static int write(Jdbi jdbi, OutputStream out) throws IOException {
        // One snapshot of every table: rows written while the backup runs never leave a child without its parent.
        return jdbi.inTransaction(org.jdbi.v3.core.transaction.TransactionIsolationLevel.REPEATABLE_READ, h -> {
            h.execute("SET TRANSACTION READ ONLY");
            List<String> tables = tablesInOrder(h);
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                StringBuilder manifest = new StringBuilder(FORMAT).append('\n').append("schema\t").append(schemaVersion(h)).append('\n');
                for (String table : tables) {
                    List<String> columns = columnsOf(h, table);
                    zip.putNextEntry(new ZipEntry(new Table(table, 0, 0, columns).entry()));
                    EntryOut counted = new EntryOut(zip);
                    long rows = copyOut(h.getConnection(), "COPY " + quoted(table) + " (" + quotedList(columns) + ") TO STDOUT WITH (FORMAT csv)", counted);
                    zip.closeEntry();
                    manifest.append("table\t").append(table).append('\t').append(rows).append('\t').append(counted.bytes)
                            .append('\t').append(String.join(",", columns)).append('\n');
                }
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            return tables.size();
        });
    }

    public static long restore(Jdbi jdbi, Path file) throws IOException {
        return restore(jdbi, file, Limits.DEFAULT);
    }

    /**
     * Loads a backup into a database at the same schema version that holds nothing yet, in one transaction, and
     * moves each sequence past the restored ids. Returns how many rows were loaded. Every check that can refuse
     * the file runs before the first row is written.
     */
    public static long restore(Jdbi jdbi, Path file, Limits limits) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry manifestEntry = zip.getEntry(MANIFEST);
            if (manifestEntry == null) {
                throw new IllegalArgumentException(zip.getEntry(OLD_INDEX) != null
                        ? "this backup was made by an older version of the app and has no manifest of its rows: restore it with that version"
                        : "not a backup of this app (no " + MANIFEST + ")");
            }
            String schema;
            List<Table> tables = new ArrayList<>();
            try (InputStream in = new Counted(zip.getInputStream(manifestEntry), MAX_MANIFEST_BYTES, MANIFEST)) {
                schema = parseManifest(new String(in.readAllBytes(), StandardCharsets.UTF_8), tables);
            }
            checkAgainstLimits(tables, limits);
            checkEntries(zip, tables);
            jdbi.useHandle(h -> checkAgainstSchema(h, schema, tables));
            for (Table t : tables) {
                // Read once before anything is written: a truncated or padded entry is found now, not halfway through.
                try (Counted in = new Counted(zip.getInputStream(zip.getEntry(t.entry())), t.bytes(), t.entry())) {
                    long rows = csvRecords(in);
                    if (rows != t.rows() || in.bytes != t.bytes()) {
                        throw new IllegalArgumentException("the backup is not complete: " + t.entry() + " holds " + rows + " rows in "
                                + in.bytes + " bytes, its manifest says " + t.rows() + " rows in " + t.bytes() + " bytes");
                    }
                }
            }
            return jdbi.inTransaction(h -> load(h, zip, schema, tables));
        }
    }

    private static long load(Handle h, ZipFile zip, String schema, List<Table> tables) throws IOException {
        checkAgainstSchema(h, schema, tables);
        Map<String, Table> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        long rows = 0;
        for (String name : tablesInOrder(h)) {
            Table t = byName.get(name);
            try (Counted in = new Counted(zip.getInputStream(zip.getEntry(t.entry())), t.bytes(), t.entry())) {
                long loaded = copyIn(h.getConnection(), "COPY " + quoted(name) + " (" + quotedList(t.columns()) + ") FROM STDIN WITH (FORMAT csv)", in);
                if (loaded != t.rows()) {
                    throw new IllegalArgumentException("the backup is not complete: " + name + " loaded " + loaded + " rows, its manifest says " + t.rows());
                }
                rows += loaded;
            }
        }
        h.execute("""
                DO $$ DECLARE r record; BEGIN
                  FOR r IN SELECT s.relname AS seq, t.relname AS tab, a.attname AS col
                           FROM pg_class s JOIN pg_depend d ON d.objid = s.oid
                           JOIN pg_class t ON t.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
                           WHERE s.relkind = 'S' LOOP
                    EXECUTE format('SELECT setval(%L, greatest(coalesce((SELECT max(%I) FROM %I), 0), 1))', r.seq, r.col, r.tab);
                  END LOOP;
                END $$""");
        return rows;
    }

    /** Reads the manifest into {@code tables}; returns the schema version the backup was made at. */
    private static String parseManifest(String text, List<Table> tables) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        if (lines.size() < 2 || !lines.get(0).equals(FORMAT) || !lines.get(1).startsWith("schema\t")) {
            throw new IllegalArgumentException("not a backup of this app (its manifest is not one this version reads)");
        }
        Set<String> seen = new HashSet<>();
        for (String line : lines.subList(2, lines.size())) {
            String[] parts = line.split("\t", -1);
            try {
                if (parts.length != 5 || !parts[0].equals("table") || !seen.add(parts[1])) {
                    throw new NumberFormatException();
                }
                long rows = Long.parseLong(parts[2]);
                long bytes = Long.parseLong(parts[3]);
                if (rows < 0 || bytes < 0) {
                    throw new NumberFormatException();
                }
                tables.add(new Table(parts[1], rows, bytes, List.of(parts[4].split(","))));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the backup's manifest is damaged at: " + line.substring(0, Math.min(80, line.length())));
            }
        }
        return lines.get(1).substring("schema\t".length());
    }

    private static void checkAgainstLimits(List<Table> tables, Limits limits) {
        long total = 0;
        for (Table t : tables) {
            if (t.bytes() > limits.maxEntryBytes()) {
                throw new IllegalArgumentException("the backup's table " + t.name() + " is " + mb(t.bytes()) + " MB, past the limit of "
                        + mb(limits.maxEntryBytes()) + " MB a table");
            }
            total += t.bytes();
        }
        if (total > limits.maxTotalBytes()) {
            throw new IllegalArgumentException("the backup unpacks to " + mb(total) + " MB, past the limit of " + mb(limits.maxTotalBytes()) + " MB");
        }
    }

    /** Every table the manifest lists has its entry, and the file holds nothing else. */
    private static void checkEntries(ZipFile zip, List<Table> tables) {
        Set<String> expected = new HashSet<>();
        expected.add(MANIFEST);
        for (Table t : tables) {
            expected.add(t.entry());
            if (zip.getEntry(t.entry()) == null) {
                throw new IllegalArgumentException("the backup is not complete: " + t.entry() + " is missing");
            }
        }
        zip.stream().filter(e -> !expected.contains(e.getName())).findFirst().ifPresent(e -> {
            throw new IllegalArgumentException("the backup holds an entry its manifest does not list: " + e.getName());
        });
    }

    /**
     * The backup fits this database: the same schema version (a restore applies no migration to the data), the
     * same tables with the same columns, and nothing in any of them yet.
     */
    private static void checkAgainstSchema(Handle h, String schema, List<Table> tables) {
        String ours = schemaVersion(h);
        if (!ours.equals(schema)) {
            throw new IllegalArgumentException("the backup is of schema version " + schema + " and this app's database is at " + ours
                    + ": restore it with the version of the app that made it");
        }
        List<String> all = tablesInOrder(h);
        Set<String> listed = new HashSet<>();
        tables.forEach(t -> listed.add(t.name()));
        List<String> missing = all.stream().filter(t -> !listed.contains(t)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the backup is not complete: it lacks the tables " + String.join(", ", missing));
        }
        for (Table t : tables) {
            if (!all.contains(t.name()) || !new HashSet<>(columnsOf(h, t.name())).equals(new HashSet<>(t.columns()))) {
                throw new IllegalArgumentException("the backup does not match this schema at table " + t.name());
            }
        }
        if (h.createQuery("SELECT count(*) FROM contests").mapTo(Long.class).one() > 0) {
            throw new IllegalStateException("the database already holds a contest: restore into a new DATA_DIR or an empty database");
        }
        for (String t : all) {
            if (h.createQuery("SELECT EXISTS (SELECT 1 FROM " + quoted(t) + ")").mapTo(Boolean.class).one()) {
                throw new IllegalStateException("the database already holds rows in " + t + ": restore into a new DATA_DIR or an empty database");
            }
        }
    }

    /** The latest migration applied, which names the schema's shape. */
    private static String schemaVersion(Handle h) {
        return h.createQuery("""
                SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1""")
                .mapTo(String.class).findOne().orElse("none");
    }

    /** Rows of PostgreSQL's CSV: line ends outside double quotes (a quote inside a field is doubled). */
    private static long csvRecords(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        boolean quoted = false;
        long records = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                if (b == '"') {
                    quoted = !quoted;
                } else if (b == '\n' && !quoted) {
                    records++;
                }
            }
        }
        return records;
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static List<String> columnsOf(Handle h, String table) {
        return h.createQuery("""
                SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = :t
                ORDER BY ordinal_position""").bind("t", table).mapTo(String.class).list();
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String quotedList(List<String> identifiers) {
        return String.join(",", identifiers.stream().map(Backup::quoted).toList());
    }

    /** The public tables, each after the tables it refers to. */
    private static List<String> tablesInOrder(Handle h) {
        List<String> all = h.createQuery("""
                SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history' ORDER BY tablename""")
                .mapTo(String.class).list();
        Map<String, List<String>> refers = new LinkedHashMap<>();
        all.forEach(t -> refers.put(t, new ArrayList<>()));
        h.createQuery("""
                SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
                FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid <> c.confrelid""")
                .map((rs, ctx) -> Map.entry(rs.getString("child"), rs.getString("parent")))
                .forEach(e -> refers.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < all.size()) {
            boolean progress = false;
            for (String t : all) {
                if (!ordered.contains(t) && ordered.containsAll(refers.get(t).stream().filter(all::contains).toList())) {
                    ordered.add(t);
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("foreign keys form a cycle between tables");
            }
        }
        return ordered;
    }

    /** A zip entry's bytes as they are read, refused past {@code max} (what the manifest says, or a bound of our own). */
    private static final class Counted extends FilterInputStream {
        long bytes;
        private final long max;
        private final String name;

        Counted(InputStream in, long max, String name) {
            super(in);
            this.max = max;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            // Never more than one byte past the bound: a bomb is stopped there, not a buffer later.
            int n = super.read(b, off, (int) Math.min(len, Math.max(1, max - bytes + 1)));
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) {
            bytes += n;
            if (bytes > max) {
                throw new IllegalArgumentException("the backup's " + name + " unpacks to more than " + max + " bytes, more than its manifest says");
            }
        }
    }

    /** A zip entry's bytes as COPY writes them; closing it leaves the entry open for the caller. */
    private static final class EntryOut extends FilterOutputStream {
        long bytes;

        EntryOut(OutputStream zip) {
            super(zip);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytes += len;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytes++;
        }

        @Override
        public void close() {
            // the zip entry stays open for the caller
        }
    }

    private static long copyOut(Connection c, String sql, OutputStream out) {
        try {
            return c.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, out);
        } catch (SQLException e) {
            throw new IllegalStateException("backup failed: " + e.getSQLState(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long copyIn(Connection c, String sql, InputStream data) {
        try {
            return c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, data);
        } catch (SQLException e) {
            throw new IllegalStateException("restore failed: " + e.getSQLState() + " "
                    + vn.contest.core.text.Redaction.redact(e.getMessage()), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
