package io.watchmen.core.storage;

import java.util.ArrayList;
import java.util.List;

/**
 * A piece of SQL text with its bind parameters in order. Dialect templates are filled through markers so that
 * parameters follow the order in which each dialect places its arguments (H2's DATEDIFF takes start before end,
 * MySQL's end before start).
 */
record SqlFragment(String sql, List<Param> params) {

    /** One bind parameter: the value and the kind of the column it meets. */
    record Param(Object value, ValueKind kind) {
    }

    SqlFragment {
        params = List.copyOf(params);
    }

    static SqlFragment text(String sql) {
        return new SqlFragment(sql, List.of());
    }

    static SqlFragment param(Object value, ValueKind kind) {
        List<Param> params = new ArrayList<>(1);
        params.add(new Param(value, kind));
        return new SqlFragment("?", params);
    }

    /** The marker standing for argument {@code i} in a template; never produced by SQL generation. */
    static String arg(int i) {
        return "\u0000" + i + "\u0000";
    }

    /** Fills a template holding {@link #arg(int)} markers (each may occur any number of times). */
    static SqlFragment compose(String template, SqlFragment... args) {
        StringBuilder sql = new StringBuilder();
        List<Param> params = new ArrayList<>();
        int at = 0;
        while (true) {
            int start = template.indexOf('\u0000', at);
            if (start < 0) {
                sql.append(template, at, template.length());
                break;
            }
            int end = template.indexOf('\u0000', start + 1);
            sql.append(template, at, start);
            SqlFragment argument = args[Integer.parseInt(template.substring(start + 1, end))];
            sql.append(argument.sql());
            params.addAll(argument.params());
            at = end + 1;
        }
        return new SqlFragment(sql.toString(), params);
    }

    /** Joins fragments with a separator. */
    static SqlFragment join(String separator, List<SqlFragment> parts) {
        StringBuilder sql = new StringBuilder();
        List<Param> params = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                sql.append(separator);
            }
            sql.append(parts.get(i).sql());
            params.addAll(parts.get(i).params());
        }
        return new SqlFragment(sql.toString(), params);
    }
}
