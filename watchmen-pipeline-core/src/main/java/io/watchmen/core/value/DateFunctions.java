package io.watchmen.core.value;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.model.pipeline.ParameterComputeType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Watchmen's date functions and date parts (spec pipeline 3.4-3.6). Values are LocalDate, LocalDateTime or LocalTime. */
public final class DateFunctions {

    private static final Pattern MOVE_STEP = Pattern.compile("([YMDhms])\\s*([+-]?)\\s*(\\d+)");

    private DateFunctions() {
    }

    /** {@code &yearDiff(end,start)} with the reference's algorithm. */
    public static int yearDiff(LocalDate end, LocalDate start) {
        int ey = end.getYear();
        int em = end.getMonthValue();
        int ed = end.getDayOfMonth();
        int sy = start.getYear();
        int sm = start.getMonthValue();
        int sd = start.getDayOfMonth();
        int d = ey - sy;
        if (ey == sy) {
            return 0;
        }
        if (ey > sy) {
            if (em == sm) {
                if (ed >= sd) {
                    return d;
                }
                return em == 2 && isLastDay(end) && sd >= ed ? d : d - 1;
            }
            return em > sm ? d : d - 1;
        }
        if (em == sm) {
            if (ed > sd) {
                return em == 2 && isLastDay(start) ? d : d + 1;
            }
            return d;
        }
        return em > sm ? d + 1 : d;
    }

    /**
     * {@code &monthDiff(end,start)}; the reference's cross-year bugs are corrected (see docs/compatibility.md).
     * The result is the number of whole months from start to end (negative when end is earlier), where a month is
     * complete when the day of month is reached again or the end is the last day of its month; within one year
     * this is exactly the reference's result.
     */
    public static int monthDiff(LocalDate end, LocalDate start) {
        int months = (end.getYear() - start.getYear()) * 12 + end.getMonthValue() - start.getMonthValue();
        if (months > 0) {
            // the last month is incomplete unless the day is reached, or end is its month's last day
            boolean reached = end.getDayOfMonth() >= start.getDayOfMonth()
                    || isLastDay(end) && start.getDayOfMonth() >= end.getDayOfMonth();
            return reached ? months : months - 1;
        }
        if (months < 0) {
            boolean reached = start.getDayOfMonth() >= end.getDayOfMonth()
                    || isLastDay(start) && end.getDayOfMonth() >= start.getDayOfMonth();
            return reached ? months : months + 1;
        }
        return 0;
    }

    /** {@code &dayDiff(end,start)}: calendar days, times ignored. */
    public static long dayDiff(LocalDate end, LocalDate start) {
        return ChronoUnit.DAYS.between(start, end);
    }

    private static boolean isLastDay(LocalDate date) {
        return date.getDayOfMonth() == date.lengthOfMonth();
    }

    /**
     * {@code &moveDate(value,pattern)}: pattern of {@code <Y|M|D|h|m|s><+|-|empty><number>} steps, spaces allowed;
     * returns the same kind of temporal as given.
     *
     * @throws io.watchmen.core.WatchmenException DATA_INVALID "Incorrect date move pattern[...]"
     */
    public static Temporal moveDate(Temporal value, String pattern) {
        List<String[]> steps = parseMovePattern(pattern);
        Temporal result = value;
        for (String[] step : steps) {
            result = moveStep(result, step[0].charAt(0), step[1], step[2]);
        }
        return result;
    }

    private static List<String[]> parseMovePattern(String pattern) {
        String trimmed = pattern == null ? "" : pattern.strip();
        Matcher m = MOVE_STEP.matcher(trimmed);
        List<String[]> steps = new ArrayList<>();
        StringBuilder parsed = new StringBuilder();
        while (m.find()) {
            steps.add(new String[] {m.group(1), m.group(2), m.group(3)});
            parsed.append(m.group(1)).append(m.group(2)).append(m.group(3));
        }
        // every non-space character must belong to a step
        if (!parsed.toString().equals(trimmed.replaceAll("\\s", ""))) {
            throw new WatchmenException(ErrorCode.DATA_INVALID, "Incorrect date move pattern[" + trimmed + "].");
        }
        return steps;
    }

    private static Temporal moveStep(Temporal value, char unit, String op, String digits) {
        long amount;
        try {
            amount = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new WatchmenException(ErrorCode.DATA_INVALID, "Incorrect date move pattern[" + digits + "].");
        }
        boolean hasDate = value instanceof LocalDate || value instanceof LocalDateTime;
        boolean hasTime = value instanceof LocalTime || value instanceof LocalDateTime;
        try {
            switch (unit) {
                case 'Y', 'M', 'D' -> {
                    return hasDate ? moveDatePart(value, unit, op, amount) : value;
                }
                default -> {
                    return hasTime ? moveTimePart(value, unit, op, amount) : value;
                }
            }
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw new WatchmenException(ErrorCode.DATA_INVALID,
                    "Date move[" + unit + op + digits + "] is out of range for [" + PythonText.str(value) + "].");
        }
    }

    private static Temporal moveDatePart(Temporal value, char unit, String op, long amount) {
        LocalDate date = value instanceof LocalDateTime dt ? dt.toLocalDate() : (LocalDate) value;
        LocalDate moved;
        if (unit == 'Y') {
            long year = op.isEmpty() ? amount : op.equals("+") ? date.getYear() + amount : date.getYear() - amount;
            moved = clampDay(Math.toIntExact(year), date.getMonthValue(), date.getDayOfMonth());
        } else if (unit == 'M') {
            if (op.isEmpty()) {
                moved = clampDay(date.getYear(), (int) Math.max(1, Math.min(12, amount)), date.getDayOfMonth());
            } else {
                long months = (long) date.getYear() * 12 + date.getMonthValue() - 1 + (op.equals("+") ? amount : -amount);
                moved = clampDay(Math.toIntExact(Math.floorDiv(months, 12)), (int) Math.floorMod(months, 12) + 1,
                        date.getDayOfMonth());
            }
        } else if (amount == 99) {
            // D99 is "last day of the month" whatever the operator
            moved = date.withDayOfMonth(date.lengthOfMonth());
        } else if (op.isEmpty()) {
            moved = clampDay(date.getYear(), date.getMonthValue(), (int) Math.max(1, Math.min(31, amount)));
        } else {
            moved = op.equals("+") ? date.plusDays(amount) : date.minusDays(amount);
        }
        return value instanceof LocalDateTime dt ? moved.atTime(dt.toLocalTime()) : moved;
    }

    private static LocalDate clampDay(int year, int month, int day) {
        LocalDate first = LocalDate.of(year, month, 1);
        return first.withDayOfMonth(Math.min(day, first.lengthOfMonth()));
    }

    private static Temporal moveTimePart(Temporal value, char unit, String op, long amount) {
        ChronoUnit chrono = unit == 'h' ? ChronoUnit.HOURS : unit == 'm' ? ChronoUnit.MINUTES : ChronoUnit.SECONDS;
        if (op.isEmpty()) {
            int max = unit == 'h' ? 23 : 59;
            int set = (int) Math.min(max, amount);
            if (value instanceof LocalDateTime dt) {
                return unit == 'h' ? dt.withHour(set) : unit == 'm' ? dt.withMinute(set) : dt.withSecond(set);
            }
            LocalTime t = (LocalTime) value;
            return unit == 'h' ? t.withHour(set) : unit == 'm' ? t.withMinute(set) : t.withSecond(set);
        }
        long signed = op.equals("+") ? amount : -amount;
        // LocalTime arithmetic wraps around midnight, as the reference does for time values
        return value.plus(signed, chrono);
    }

    /** {@code &fmtDate(value,format)} with the letters Y y M D h H m s W w B b p. */
    public static String fmtDate(Temporal value, String format) {
        LocalDate date = value instanceof LocalDateTime dt ? dt.toLocalDate()
                : value instanceof LocalDate d ? d : LocalDate.of(1900, 1, 1);
        LocalTime time = value instanceof LocalDateTime dt ? dt.toLocalTime()
                : value instanceof LocalTime t ? t : LocalTime.MIDNIGHT;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            switch (c) {
                case 'Y' -> out.append(String.format("%04d", date.getYear()));
                case 'y' -> out.append(String.format("%02d", Math.floorMod(date.getYear(), 100)));
                case 'M' -> out.append(String.format("%02d", date.getMonthValue()));
                case 'D' -> out.append(String.format("%02d", date.getDayOfMonth()));
                case 'h' -> out.append(String.format("%02d", time.getHour()));
                case 'H' -> out.append(String.format("%02d", time.getHour() % 12 == 0 ? 12 : time.getHour() % 12));
                case 'm' -> out.append(String.format("%02d", time.getMinute()));
                case 's' -> out.append(String.format("%02d", time.getSecond()));
                case 'W' -> out.append(date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'w' -> out.append(date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'B' -> out.append(date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'b' -> out.append(date.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'p' -> out.append(time.getHour() < 12 ? "AM" : "PM");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code &combineDateTime(date,time)}: the date part plus the time, microseconds 0. */
    public static LocalDateTime combineDateTime(LocalDate date, LocalTime time) {
        return date.atTime(time.getHour(), time.getMinute(), time.getSecond());
    }

    /** year-of ... day-of-week (1 = Sunday) of a date or date-time, the reference's numbering (3.6). */
    public static int datePart(ParameterComputeType type, Temporal value) {
        LocalDate date;
        if (value instanceof LocalDateTime dt) {
            date = dt.toLocalDate();
        } else if (value instanceof LocalDate d) {
            date = d;
        } else {
            throw new WatchmenException(ErrorCode.DATA_INVALID,
                    "Date part[" + type.json() + "] needs a date or date-time, current is [" + value + "].");
        }
        switch (type) {
            case YEAR_OF -> {
                return date.getYear();
            }
            case HALF_YEAR_OF -> {
                return date.getMonthValue() <= 6 ? 1 : 2;
            }
            case QUARTER_OF -> {
                return (date.getMonthValue() - 1) / 3 + 1;
            }
            case MONTH_OF -> {
                return date.getMonthValue();
            }
            case WEEK_OF_YEAR -> {
                return weekOfYear(date);
            }
            case WEEK_OF_MONTH -> {
                return weekOfMonth(date);
            }
            case DAY_OF_MONTH -> {
                return date.getDayOfMonth();
            }
            case DAY_OF_WEEK -> {
                return dayOfWeek(date);
            }
            default -> throw new WatchmenException(ErrorCode.DATA_INVALID,
                    "Compute type[" + type.json() + "] is not a date part.");
        }
    }

    /** strftime %U: Sunday-based week number; days before the year's first Sunday are week 0. */
    static int weekOfYear(LocalDate date) {
        int dayOfYear = date.getDayOfYear() - 1;
        int weekday = date.getDayOfWeek().getValue() % 7; // Sunday 0 ... Saturday 6
        return (dayOfYear + 7 - weekday) / 7;
    }

    static int weekOfMonth(LocalDate date) {
        LocalDate first = date.withDayOfMonth(1);
        int firstWeek = weekOfYear(first);
        int week = weekOfYear(date);
        boolean firstIsSunday = first.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (firstWeek == week) {
            return firstIsSunday ? 1 : 0;
        }
        return firstIsSunday ? week - firstWeek + 1 : week - firstWeek;
    }

    /** 1 = Sunday ... 7 = Saturday. */
    static int dayOfWeek(LocalDate date) {
        return date.getDayOfWeek().getValue() % 7 + 1;
    }
}
