package vn.contest.core.contest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.ZoneId;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.config.ContestConfig.UnitConfig;

/**
 * Writes a contest file into the database (insert or update by code; units and topics missing from the file
 * are kept, since participants and questions may point at them) and reads back the runtime {@link Contest}.
 */
public final class ContestStore {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ContestStore() {}

    /**
     * Installs a contest from its file at start: if the file is the one installed last time, the rules stored
     * in the database win (they may have been edited in the admin web); a changed file replaces them.
     */
    public static Contest installFromFile(Jdbi jdbi, ContestConfig config) {
        String hash = sha256(toJson(config));
        java.util.Optional<Long> unchanged = jdbi.withHandle(h -> h.createQuery("SELECT id FROM contests WHERE code = :code AND file_hash = :hash")
                .bind("code", config.code()).bind("hash", hash).mapTo(Long.class).findOne());
        if (unchanged.isPresent()) {
            return load(jdbi, unchanged.get());
        }
        Contest contest = install(jdbi, config);
        jdbi.useHandle(h -> h.execute("UPDATE contests SET file_hash = ? WHERE id = ?", hash, contest.id()));
        return contest;
    }

    /** The contest as stored now (its rules may have been edited since start). */
    public static Contest load(Jdbi jdbi, long contestId) {
        return jdbi.withHandle(h -> {
            String json = h.createQuery("SELECT config::text FROM contests WHERE id = :id").bind("id", contestId).mapTo(String.class).one();
            try {
                return read(h, contestId, JSON.readValue(json, ContestConfig.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored contest config is unreadable", e);
            }
        });
    }

    /** Writes the contest's rules, rounds, units and topics (a new code is a new contest beside the others). */
    public static Contest install(Jdbi jdbi, ContestConfig config) {
        return jdbi.inTransaction(h -> {
            long contestId = h.createQuery("""
                    INSERT INTO contests (code, title, config) VALUES (:code, :title, CAST(:config AS jsonb))
                    ON CONFLICT (code) DO UPDATE SET title = EXCLUDED.title, config = EXCLUDED.config, updated_at = now()
                    RETURNING id""")
                    .bind("code", config.code()).bind("title", config.title()).bind("config", toJson(config))
                    .mapTo(Long.class).one();
            ZoneId zone = config.zone();
            for (ContestConfig.RoundConfig r : config.rounds()) {
                h.createUpdate("""
                        INSERT INTO rounds (contest_id, code, name, opens_at, closes_at) VALUES (:c, :code, :name, :opens, :closes)
                        ON CONFLICT (contest_id, code) DO UPDATE
                        SET name = EXCLUDED.name, opens_at = EXCLUDED.opens_at, closes_at = EXCLUDED.closes_at""")
                        .bind("c", contestId).bind("code", r.code()).bind("name", r.name() == null ? r.code() : r.name())
                        .bind("opens", r.opensAt().atZone(zone).toOffsetDateTime())
                        .bind("closes", r.closesAt().atZone(zone).toOffsetDateTime())
                        .execute();
            }
            int[] order = {0};
            upsertUnits(h, contestId, null, config.units(), order);
            for (ContestConfig.TopicConfig t : config.topics()) {
                h.createUpdate("""
                        INSERT INTO topics (contest_id, code, name) VALUES (:c, :code, :name)
                        ON CONFLICT (contest_id, code) DO UPDATE SET name = EXCLUDED.name""")
                        .bind("c", contestId).bind("code", t.code()).bind("name", t.name()).execute();
            }
            return read(h, contestId, config);
        });
    }

    private static void upsertUnits(Handle h, long contestId, Long parentId, List<UnitConfig> units, int[] order) {
        if (units == null) {
            return;
        }
        for (UnitConfig u : units) {
            long id = h.createQuery("""
                    INSERT INTO units (contest_id, code, name, parent_id, headcount, sort_order)
                    VALUES (:c, :code, :name, :parent, :headcount, :sort)
                    ON CONFLICT (contest_id, code) DO UPDATE SET name = EXCLUDED.name, parent_id = EXCLUDED.parent_id,
                        headcount = EXCLUDED.headcount, sort_order = EXCLUDED.sort_order
                    RETURNING id""")
                    .bind("c", contestId).bind("code", u.code()).bind("name", u.name()).bind("parent", parentId)
                    .bind("headcount", u.headcount()).bind("sort", order[0]++)
                    .mapTo(Long.class).one();
            upsertUnits(h, contestId, id, u.children(), order);
        }
    }

    private static Contest read(Handle h, long contestId, ContestConfig config) {
        List<Round> rounds = h.createQuery("SELECT id, code, name, opens_at, closes_at FROM rounds WHERE contest_id = :c ORDER BY opens_at")
                .bind("c", contestId)
                .map((rs, ctx) -> new Round(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getTimestamp("opens_at").toInstant(), rs.getTimestamp("closes_at").toInstant()))
                .list();
        // Rounds dropped from the file stay in the database for their results, but no longer run.
        List<String> configured = config.rounds().stream().map(ContestConfig.RoundConfig::code).toList();
        rounds = rounds.stream().filter(r -> configured.contains(r.code())).toList();
        List<Unit> units = h.createQuery("SELECT id, code, name, parent_id, headcount FROM units WHERE contest_id = :c ORDER BY sort_order")
                .bind("c", contestId)
                .map((rs, ctx) -> new Unit(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        (Long) rs.getObject("parent_id"), rs.getInt("headcount")))
                .list();
        List<Topic> topics = h.createQuery("SELECT id, code, name FROM topics WHERE contest_id = :c ORDER BY id")
                .bind("c", contestId)
                .map((rs, ctx) -> new Topic(rs.getLong("id"), rs.getString("code"), rs.getString("name")))
                .list();
        return new Contest(contestId, config, rounds, units, topics);
    }

    private static String sha256(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String toJson(ContestConfig config) {
        try {
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
