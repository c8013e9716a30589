package io.watchmen.core.storage;

import static io.watchmen.core.storage.SqlFragment.arg;
import static io.watchmen.core.storage.SqlFragment.compose;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.model.pipeline.ParameterComputeType;
import io.watchmen.core.storage.dialect.SqlDialect;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Date parts and date functions computed by the database (spec pipeline 3.5, 3.6, 3.9), built from the dialect's
 * primitives so the numbering is the reference's on every database: day-of-week 1 = Sunday, Sunday-based
 * week-of-year with week 0 before the first Sunday, week-of-month relative to the month's first day.
 */
final class DateSql {

    private static final Pattern MOVE_STEP = Pattern.compile("\\s*([YMDhms])\\s*([+-]?)\\s*(\\d{1,9})\\s*");

    private final SqlDialect dialect;

    DateSql(SqlDialect dialect) {
        this.dialect = dialect;
    }

    SqlFragment part(ParameterComputeType type, SqlFragment date) {
        String e = arg(0);
        String sql = switch (type) {
            case YEAR_OF -> dialect.datePart("YEAR", e);
            case HALF_YEAR_OF -> "CASE WHEN " + dialect.datePart("MONTH", e) + " <= 6 THEN 1 ELSE 2 END";
            case QUARTER_OF -> dialect.datePart("QUARTER", e);
            case MONTH_OF -> dialect.datePart("MONTH", e);
            case DAY_OF_MONTH -> dialect.datePart("DAY", e);
            case DAY_OF_WEEK -> "(" + sundayZero(e) + " + 1)";
            case WEEK_OF_YEAR -> weekOfYear(e);
            case WEEK_OF_MONTH -> weekOfMonth(e);
            default -> throw new WatchmenException(ErrorCode.DEFINITION_INVALID, "Compute type[" + type.json()
                    + "] is not a date part.");
        };
        return compose(sql, date);
    }

    /** 0 = Sunday ... 6 = Saturday. */
    private String sundayZero(String e) {
        return dialect.mod(dialect.isoDayOfWeek(e), "7");
    }

    /** Python's %U: (day-of-year - 1 + 7 - weekday(Sunday = 0)) / 7. */
    private String weekOfYear(String e) {
        return "FLOOR((" + dialect.datePart("DOY", e) + " - 1 + 7 - " + sundayZero(e) + ") / 7)";
    }

    private String weekOfMonth(String e) {
        String dayBefore = "(" + dialect.datePart("DAY", e) + " - 1)";
        String firstDoy0 = "(" + dialect.datePart("DOY", e) + " - 1 - " + dayBefore + ")";
        String firstDow0 = dialect.mod("(" + dialect.mod("(" + sundayZero(e) + " - " + dayBefore + ")", "7")
                + " + 7)", "7");
        String firstWeek = "FLOOR((" + firstDoy0 + " + 7 - " + firstDow0 + ") / 7)";
        return "(" + weekOfYear(e) + " - " + firstWeek + " + CASE WHEN " + firstDow0 + " = 0 THEN 1 ELSE 0 END)";
    }

    SqlFragment dayDiff(SqlFragment end, SqlFragment start) {
        return compose(dialect.dayDiff(arg(0), arg(1)), end, start);
    }

    /** The reference's yearDiff algorithm (spec pipeline 3.5), case by case. */
    SqlFragment yearDiff(SqlFragment end, SqlFragment start) {
        String e = arg(0);
        String s = arg(1);
        String ey = year(e);
        String sy = year(s);
        String em = month(e);
        String sm = month(s);
        String ed = day(e);
        String sd = day(s);
        String d = "(" + ey + " - " + sy + ")";
        String sql = "CASE WHEN " + ey + " = " + sy + " THEN 0"
                + " WHEN " + ey + " > " + sy + " THEN (CASE WHEN " + em + " = " + sm + " THEN (CASE WHEN " + ed
                + " >= " + sd + " THEN " + d + " WHEN " + em + " = 2 AND " + isLastDay(e) + " AND " + sd + " >= " + ed
                + " THEN " + d + " ELSE " + d + " - 1 END) WHEN " + em + " > " + sm + " THEN " + d + " ELSE " + d
                + " - 1 END)"
                + " ELSE (CASE WHEN " + em + " = " + sm + " THEN (CASE WHEN " + ed + " > " + sd + " THEN (CASE WHEN "
                + em + " = 2 AND " + isLastDay(s) + " THEN " + d + " ELSE " + d + " + 1 END) ELSE " + d
                + " END) WHEN " + em + " > " + sm + " THEN " + d + " + 1 ELSE " + d + " END) END";
        return compose(sql, end, start);
    }

    /**
     * Whole months from start to end, counting a month-end as complete (the reference's same-year rules applied
     * across years, which corrects its cross-year defects, as the in-memory monthDiff does).
     */
    SqlFragment monthDiff(SqlFragment end, SqlFragment start) {
        String e = arg(0);
        String s = arg(1);
        String base = "(12 * (" + year(e) + " - " + year(s) + ") + " + month(e) + " - " + month(s) + ")";
        String sql = "CASE WHEN CAST(" + e + " AS DATE) >= CAST(" + s + " AS DATE) THEN " + base + " - CASE WHEN "
                + day(e) + " < " + day(s) + " AND NOT " + isLastDay(e) + " THEN 1 ELSE 0 END ELSE " + base
                + " + CASE WHEN " + day(e) + " > " + day(s) + " AND NOT " + isLastDay(s) + " THEN 1 ELSE 0 END END";
        return compose(sql, end, start);
    }

    /** {@code &moveDate} steps (spec pipeline 3.5): set, add or subtract years ... seconds; D99 = month end. */
    SqlFragment moveDate(SqlFragment date, String pattern) {
        String current = arg(0);
        Matcher matcher = MOVE_STEP.matcher(pattern == null ? "" : pattern);
        int at = 0;
        boolean any = false;
        while (at < (pattern == null ? 0 : pattern.length())) {
            if (!matcher.find(at) || matcher.start() != at) {
                throw badPattern(pattern);
            }
            current = step(current, matcher.group(1).charAt(0), matcher.group(2), Long.parseLong(matcher.group(3)));
            at = matcher.end();
            any = true;
        }
        if (!any) {
            throw badPattern(pattern);
        }
        return compose(current, date);
    }

    private String step(String e, char unit, String op, long n) {
        if (unit == 'D' && n == 99) {
            return lastDay(e);
        }
        String sqlUnit = switch (unit) {
            case 'Y' -> "YEAR";
            case 'M' -> "MONTH";
            case 'D' -> "DAY";
            case 'h' -> "HOUR";
            case 'm' -> "MINUTE";
            default -> "SECOND";
        };
        if (!op.isEmpty()) {
            return dialect.addInterval(e, sqlUnit, (op.equals("-") ? "-" : "") + n);
        }
        return switch (unit) {
            case 'Y' -> dialect.addInterval(e, "YEAR", n + " - " + year(e));
            case 'M' -> dialect.addInterval(e, "MONTH", clamp(n, 1, 12) + " - " + month(e));
            case 'D' -> {
                long day = Math.max(1, n);
                yield "CASE WHEN " + day + " > " + day(lastDay(e)) + " THEN " + lastDay(e) + " ELSE "
                        + dialect.addInterval(e, "DAY", day + " - " + day(e)) + " END";
            }
            case 'h' -> dialect.addInterval(e, "HOUR", clamp(n, 0, 23) + " - " + dialect.datePart("HOUR", e));
            case 'm' -> dialect.addInterval(e, "MINUTE", clamp(n, 0, 59) + " - " + dialect.datePart("MINUTE", e));
            default -> dialect.addInterval(e, "SECOND", clamp(n, 0, 59) + " - "
                    + "FLOOR(" + dialect.datePart("SECOND", e) + ")");
        };
    }

    /** A date formatted with a Watchmen format, bound as a parameter in the dialect's letters. */
    SqlFragment formatDate(SqlFragment date, String watchmenFormat) {
        return compose(dialect.formatDate(arg(0), arg(1)), date,
                SqlFragment.param(dialect.translateDateFormat(watchmenFormat == null ? "" : watchmenFormat),
                        ValueKind.TEXT));
    }

    private String lastDay(String e) {
        String first = dialect.addInterval(e, "DAY", "1 - " + day(e));
        return dialect.addInterval(dialect.addInterval(first, "MONTH", "1"), "DAY", "-1");
    }

    private String isLastDay(String e) {
        return "(" + day(e) + " = " + day(lastDay(e)) + ")";
    }

    private String year(String e) {
        return dialect.datePart("YEAR", e);
    }

    private String month(String e) {
        return dialect.datePart("MONTH", e);
    }

    private String day(String e) {
        return dialect.datePart("DAY", e);
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }

    private static WatchmenException badPattern(String pattern) {
        return new WatchmenException(ErrorCode.DATA_INVALID, "Incorrect date move pattern[" + pattern + "].");
    }
}
