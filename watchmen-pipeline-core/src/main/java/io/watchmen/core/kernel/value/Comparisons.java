package io.watchmen.core.kernel.value;

import io.watchmen.core.value.DateTimeParser;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The reference's equality and ordering rules, in their rule order (spec 3.8). Dates compare by day only. */
public final class Comparisons {

    private static final Set<String> TRUE_TEXTS = Set.of("1", "t", "true", "y", "yes");
    private static final Set<String> FALSE_TEXTS = Set.of("0", "f", "false", "n", "no");

    private final DateTimeParser parser;

    public Comparisons(DateTimeParser parser) {
        this.parser = parser;
    }

    public boolean equal(Object a, Object b) {
        if (Values.isNullOrEmptyString(a)) {
            return Values.isNullOrEmptyString(b);
        }
        if (Values.isNullOrEmptyString(b)) {
            return false;
        }
        if (a instanceof Boolean bool) {
            return booleanEquals(bool, b);
        }
        if (b instanceof Boolean bool) {
            return booleanEquals(bool, a);
        }
        if (Values.isNumber(a)) {
            return numberEquals(a, b);
        }
        if (Values.isNumber(b)) {
            return numberEquals(b, a);
        }
        if (a instanceof LocalTime) {
            return timeEquals(a, b);
        }
        if (b instanceof LocalTime) {
            return timeEquals(b, a);
        }
        if (Values.isDateLike(a)) {
            return dayEquals(a, b);
        }
        if (Values.isDateLike(b)) {
            return dayEquals(b, a);
        }
        if (a instanceof String sa && b instanceof String sb) {
            return sa.equals(sb);
        }
        return false;
    }

    private static boolean booleanEquals(boolean a, Object b) {
        if (b instanceof Boolean other) {
            return a == other;
        }
        if (Values.isNumber(b)) {
            BigDecimal number = Values.decimalOrZero(b);
            return a ? number.compareTo(BigDecimal.ONE) == 0 : number.signum() == 0;
        }
        if (b instanceof String text) {
            String lower = text.toLowerCase(Locale.ROOT);
            return a ? TRUE_TEXTS.contains(lower) : FALSE_TEXTS.contains(lower);
        }
        return false;
    }

    private static boolean numberEquals(Object number, Object other) {
        Optional<BigDecimal> a = Values.decimal(number);
        Optional<BigDecimal> b;
        if (Values.isNumber(other)) {
            b = Values.decimal(other);
        } else if (other instanceof String text) {
            b = Values.decimal(text);
        } else {
            return false;
        }
        return a.isPresent() && b.isPresent() && a.get().compareTo(b.get()) == 0;
    }

    private boolean timeEquals(Object time, Object other) {
        Optional<LocalTime> b = other instanceof LocalTime || other instanceof String
                ? Values.time(other, parser) : Optional.empty();
        return b.isPresent() && Values.time(time, parser).get().equals(b.get());
    }

    private boolean dayEquals(Object date, Object other) {
        Optional<LocalDate> b = Values.day(other, parser);
        return b.isPresent() && Values.day(date, parser).get().equals(b.get());
    }

    /** less / less-equals / more / more-equals. */
    public boolean compare(Object a, Object b, boolean less, boolean orEqual) {
        if (a == null && b == null) {
            return orEqual;
        }
        if (a instanceof String || b instanceof String) {
            if (a == null || b == null) {
                throw notComparable(a, b);
            }
        }
        int compared;
        if (a == null) {
            requireComparable(b, a, b);
            compared = -1;
        } else if (b == null) {
            requireComparable(a, a, b);
            compared = 1;
        } else {
            compared = order(a, b);
        }
        if (compared == 0) {
            return orEqual;
        }
        return less ? compared < 0 : compared > 0;
    }

    private void requireComparable(Object value, Object a, Object b) {
        if (!(isNumeric(value) || value instanceof LocalTime || Values.isDateLike(value))) {
            throw notComparable(a, b);
        }
    }

    private static boolean isNumeric(Object value) {
        return Values.isNumber(value) || value instanceof Boolean;
    }

    private int order(Object a, Object b) {
        if (isNumeric(a)) {
            return numeric(b).map(nb -> numeric(a).get().compareTo(nb)).orElseThrow(() -> notComparable(a, b));
        }
        if (isNumeric(b)) {
            return numeric(a).map(na -> na.compareTo(numeric(b).get())).orElseThrow(() -> notComparable(a, b));
        }
        if (a instanceof LocalTime) {
            return timeOrder(a, b, false);
        }
        if (b instanceof LocalTime) {
            return timeOrder(b, a, true);
        }
        if (Values.isDateLike(a)) {
            return dayOrder(a, b, false);
        }
        if (Values.isDateLike(b)) {
            return dayOrder(b, a, true);
        }
        throw notComparable(a, b);
    }

    private static Optional<BigDecimal> numeric(Object value) {
        if (value instanceof Boolean bool) {
            return Optional.of(bool ? BigDecimal.ONE : BigDecimal.ZERO);
        }
        if (Values.isNumber(value) || value instanceof String) {
            return Values.decimal(value);
        }
        return Optional.empty();
    }

    private int timeOrder(Object time, Object other, boolean swapped) {
        Optional<LocalTime> b = other instanceof LocalTime || other instanceof String
                ? Values.time(other, parser) : Optional.empty();
        if (b.isEmpty()) {
            throw swapped ? notComparable(other, time) : notComparable(time, other);
        }
        int compared = Values.time(time, parser).get().compareTo(b.get());
        return swapped ? -compared : compared;
    }

    private int dayOrder(Object date, Object other, boolean swapped) {
        Optional<LocalDate> b = Values.day(other, parser);
        if (b.isEmpty()) {
            throw swapped ? notComparable(other, date) : notComparable(date, other);
        }
        int compared = Values.day(date, parser).get().compareTo(b.get());
        return swapped ? -compared : compared;
    }

    private static RuntimeException notComparable(Object a, Object b) {
        return Values.invalid("Comparison of [none|int|float|decimal|date|time|datetime] are supported, current are "
                + "[one=" + Values.text(a) + ", another=" + Values.text(b) + "].");
    }
}
