package vn.contest.core.store;

import java.lang.reflect.Type;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * The types almost every statement binds (text, whole numbers, flags, times, text arrays), set on the JDBC
 * statement as Jdbi's own factories set them. Registered last, so Jdbi asks it first: Jdbi looks a bound type up
 * again for every statement, and walking its thirty-odd factories to find a String's cost an answer about 5% of
 * its CPU (measured with async-profiler under AnswerLoadBench). Other types fall through to Jdbi's factories.
 */
final class CommonArguments implements ArgumentFactory.Preparable {
    private static final Function<Object, Argument> TEXT = v -> (i, st, ctx) -> {
        if (v == null) {
            st.setNull(i, Types.VARCHAR);
        } else {
            st.setString(i, (String) v);
        }
    };
    private static final Function<Object, Argument> LONG = v -> (i, st, ctx) -> {
        if (v == null) {
            st.setNull(i, Types.BIGINT);
        } else {
            st.setLong(i, (Long) v);
        }
    };
    private static final Function<Object, Argument> INT = v -> (i, st, ctx) -> {
        if (v == null) {
            st.setNull(i, Types.INTEGER);
        } else {
            st.setInt(i, (Integer) v);
        }
    };
    private static final Function<Object, Argument> BOOL = v -> (i, st, ctx) -> {
        if (v == null) {
            st.setNull(i, Types.BOOLEAN);
        } else {
            st.setBoolean(i, (Boolean) v);
        }
    };
    private static final Function<Object, Argument> TIME = v -> (i, st, ctx) -> {
        if (v == null) {
            st.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            st.setObject(i, v);
        }
    };
    private static final Function<Object, Argument> TEXTS = v -> (i, st, ctx) -> {
        if (v == null) {
            st.setNull(i, Types.ARRAY);
        } else {
            st.setArray(i, st.getConnection().createArrayOf("varchar", (String[]) v));
        }
    };

    @Override
    public Optional<Function<Object, Argument>> prepare(Type type, ConfigRegistry config) {
        return Optional.ofNullable(type == String.class ? TEXT
                : type == Long.class || type == long.class ? LONG
                : type == Integer.class || type == int.class ? INT
                : type == Boolean.class || type == boolean.class ? BOOL
                : type == OffsetDateTime.class ? TIME
                : type == String[].class ? TEXTS
                : null);
    }
}
