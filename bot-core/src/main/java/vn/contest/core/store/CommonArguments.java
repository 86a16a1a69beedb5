package vn.contest.core.store;

import java.lang.reflect.Type;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
    /** Sets a present value on the statement. */
    private interface Setter {
        void set(PreparedStatement st, int position, Object value) throws SQLException;
    }

    private static final Function<Object, Argument> TEXT = binding(Types.VARCHAR, (st, i, v) -> st.setString(i, (String) v));
    private static final Function<Object, Argument> LONG = binding(Types.BIGINT, (st, i, v) -> st.setLong(i, (Long) v));
    private static final Function<Object, Argument> INT = binding(Types.INTEGER, (st, i, v) -> st.setInt(i, (Integer) v));
    private static final Function<Object, Argument> BOOL = binding(Types.BOOLEAN, (st, i, v) -> st.setBoolean(i, (Boolean) v));
    private static final Function<Object, Argument> TIME = binding(Types.TIMESTAMP_WITH_TIMEZONE, PreparedStatement::setObject);
    private static final Function<Object, Argument> TEXTS = binding(Types.ARRAY,
            (st, i, v) -> st.setArray(i, st.getConnection().createArrayOf("varchar", (String[]) v)));

    /** A null as a null of {@code sqlType}, anything else through {@code setter}. */
    private static Function<Object, Argument> binding(int sqlType, Setter setter) {
        return v -> (i, st, ctx) -> {
            if (v == null) {
                st.setNull(i, sqlType);
            } else {
                setter.set(st, i, v);
            }
        };
    }

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
