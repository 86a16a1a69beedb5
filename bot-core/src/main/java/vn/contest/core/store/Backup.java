package vn.contest.core.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;

/**
 * A logical backup of the contest's data, through the app's own connection (so it works on the embedded
 * server, whose artifact ships no pg_dump, and on an external one): every table's rows as CSV in a zip, in an
 * order that respects foreign keys. A restore goes into an empty, freshly migrated database.
 */
public final class Backup {
    private static final String INDEX = "tables.txt";
    /** What a restore unpacks at most (a contest of a few hundred thousand people fits many times over). */
    private static final int MAX_BYTES = 1_500 * 1024 * 1024;

    private Backup() {}

    /** Writes every table of the contest (not Flyway's history) to {@code out}; returns how many tables. */
    public static int write(Jdbi jdbi, OutputStream out) throws IOException {
        // One snapshot of every table: rows written while the backup runs never leave a child without its parent.
        return jdbi.inTransaction(org.jdbi.v3.core.transaction.TransactionIsolationLevel.REPEATABLE_READ, h -> {
            h.execute("SET TRANSACTION READ ONLY");
            List<String> tables = tablesInOrder(h);
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                StringBuilder index = new StringBuilder();
                for (String table : tables) {
                    List<String> columns = columnsOf(h, table);
                    index.append(table).append('\t').append(String.join(",", columns)).append('\n');
                    zip.putNextEntry(new ZipEntry("data/" + table + ".csv"));
                    copyOut(h.getConnection(), "COPY " + quoted(table) + " (" + quotedList(columns) + ") TO STDOUT WITH (FORMAT csv)", zip);
                    zip.closeEntry();
                }
                zip.putNextEntry(new ZipEntry(INDEX));
                zip.write(index.toString().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            return tables.size();
        });
    }

    private static List<String> columnsOf(org.jdbi.v3.core.Handle h, String table) {
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

    /**
     * Loads a backup into a database that has the schema but no contest yet, in one transaction, and moves each
     * sequence past the restored ids. Returns how many rows were loaded.
     */
    public static long restore(Jdbi jdbi, InputStream in) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                byte[] bytes = zip.readNBytes(MAX_BYTES + 1);
                total += bytes.length;
                if (total > MAX_BYTES) {
                    throw new IllegalArgumentException("the backup unpacks to more than " + MAX_BYTES / (1024 * 1024) + " MB");
                }
                entries.put(e.getName(), bytes);
            }
        }
        byte[] index = entries.get(INDEX);
        if (index == null) {
            throw new IllegalArgumentException("not a backup of this app (no " + INDEX + ")");
        }
        return jdbi.inTransaction(h -> {
            long contests = h.createQuery("SELECT count(*) FROM contests").mapTo(Long.class).one();
            if (contests > 0) {
                throw new IllegalStateException("the database already holds a contest: restore into a new DATA_DIR or an empty database");
            }
            long rows = 0;
            for (String line : new String(index, StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                // Only this schema's own tables and columns are written to; anything else means a wrong file.
                List<String> known = columnsOf(h, parts[0]);
                List<String> columns = List.of(parts[1].split(","));
                byte[] data = entries.get("data/" + parts[0] + ".csv");
                if (known.isEmpty() || !known.containsAll(columns) || data == null) {
                    throw new IllegalArgumentException("the backup does not match this schema at table " + parts[0]);
                }
                rows += copyIn(h.getConnection(), "COPY " + quoted(parts[0]) + " (" + quotedList(columns) + ") FROM STDIN WITH (FORMAT csv)", data);
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
        });
    }

    /** The public tables, each after the tables it refers to. */
    private static List<String> tablesInOrder(org.jdbi.v3.core.Handle h) {
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

    private static void copyOut(Connection c, String sql, OutputStream out) {
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, new java.io.FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() {
                    // the zip entry stays open for the caller
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("backup failed: " + e.getSQLState(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long copyIn(Connection c, String sql, byte[] data) {
        try {
            return c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new java.io.ByteArrayInputStream(data));
        } catch (SQLException e) {
            throw new IllegalStateException("restore failed: " + e.getSQLState() + " "
                    + vn.contest.core.text.Redaction.redact(e.getMessage()), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
