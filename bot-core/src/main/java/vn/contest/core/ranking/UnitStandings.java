package vn.contest.core.ranking;

import java.util.List;
import org.jdbi.v3.core.Handle;
import vn.contest.core.config.ContestConfig;
import vn.contest.core.config.ContestConfig.UnitMeasure;
import vn.contest.core.rules.Eligibility;

/** Collective standings: top-level units ranked by participants or by participation rate. */
public final class UnitStandings {
    private UnitStandings() {}

    /** Only people who could win count ({@link Eligibility#COULD_WIN}), so fake participants do not sway a unit's place. */
    public static List<UnitStanding> rank(Handle h, ContestConfig config, long contestId, UnitMeasure by) {
        String order = by == UnitMeasure.PARTICIPATION_RATE
                ? "CASE WHEN headcount = 0 THEN NULL ELSE participants::numeric / headcount END DESC NULLS LAST, participants DESC, sort_order"
                : "participants DESC, sort_order";
        return new Eligibility(config).bind(h.createQuery("""
                WITH RECURSIVE tree AS (
                    SELECT id, id AS root FROM units WHERE contest_id = :c AND parent_id IS NULL
                    UNION ALL
                    SELECT u.id, t.root FROM units u JOIN tree t ON u.parent_id = t.id
                ), took_part AS MATERIALIZED ( -- counted once per unit, before the few units are joined to it
                    SELECT p.unit_id, count(*) AS n FROM participants p
                    WHERE p.contest_id = :c AND p.first_finished_at IS NOT NULL AND <couldWin>
                    GROUP BY p.unit_id
                ), totals AS (
                    SELECT u.id, u.code, u.name, u.headcount, u.sort_order, coalesce(sum(tp.n), 0) AS participants
                    FROM units u
                    LEFT JOIN tree t ON t.root = u.id
                    LEFT JOIN took_part tp ON tp.unit_id = t.id
                    WHERE u.contest_id = :c AND u.parent_id IS NULL
                    GROUP BY u.id
                )
                SELECT row_number() OVER (ORDER BY <order>) AS rank, * FROM totals ORDER BY rank""")
                .define("order", order).define("couldWin", Eligibility.COULD_WIN).bind("c", contestId))
                .map((rs, ctx) -> new UnitStanding(rs.getInt("rank"), rs.getLong("id"), rs.getString("code"),
                        rs.getString("name"), rs.getLong("participants"), rs.getInt("headcount")))
                .list();
    }
}
