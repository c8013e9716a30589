package io.watchmen.core.kernel.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.WatchmenException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spec 3.6 computed parameters and 3.4 whole-placeholder functions. */
class ComputedAndFunctionsTest {

    private final ValueFixture fixture = new ValueFixture();
    private final EvalContext context = fixture.context(ValueFixture.data("{\"s\": \"before\", \"n\": 1}"),
            ValueFixture.data("""
                    {"s": "abc", "n": 10, "zero": 0, "t": "x", "d": "2024-08-17", "dt": "2024-03-15 10:20:30",
                     "tm": "08:30:00", "bad": "2024-3-5"}"""));

    private Object computed(String type, String... parameters) {
        String json = "{\"kind\": \"computed\", \"type\": \"" + type + "\", \"parameters\": ["
                + String.join(",", parameters) + "]}";
        return fixture.evaluator.evaluate(fixture.parameter(json), context);
    }

    private static String c(String value) {
        return "{\"kind\": \"constant\", \"value\": \"" + value + "\"}";
    }

    @Test
    void addAndSubtract_treatNullAndTextAsZero() {
        assertThat((BigDecimal) computed("add", c("10"), c("abc"))).isEqualByComparingTo("10");
        assertThat((BigDecimal) computed("add", c("{n}"), c("{missing}"), c("2.5"))).isEqualByComparingTo("12.5");
        assertThat((BigDecimal) computed("subtract", c("{n}"), c("3"), c("{missing}"))).isEqualByComparingTo("7");
    }

    @Test
    void multiplyDivideModulus_failNamingTheOperand() {
        assertThat((BigDecimal) computed("multiply", c("{n}"), c("2"))).isEqualByComparingTo("20");
        assertThat((BigDecimal) computed("divide", c("10"), c("4"))).isEqualByComparingTo("2.5");
        assertThat(computed("divide", c("10"), c("3")).toString()).isEqualTo("3.333333333333333333333333333");
        assertThat((BigDecimal) computed("modulus", c("-7"), c("3"))).isEqualByComparingTo("-1");
        assertThatThrownBy(() -> computed("multiply", c("{n}"), c("{missing}")))
                .isInstanceOf(WatchmenException.class).hasMessage("Operand[index=1, value=None] of multiply is not numeric.");
        assertThatThrownBy(() -> computed("divide", c("{t}"), c("2")))
                .hasMessage("Operand[index=0, value=x] of divide is not numeric.");
        assertThatThrownBy(() -> computed("divide", c("1"), c("{zero}"))).hasMessageContaining("division by zero");
        assertThatThrownBy(() -> computed("modulus", c("1"), c("0"))).hasMessageContaining("division by zero");
    }

    @Test
    void dateParts_useTheReferenceNumbering() {
        assertThat(computed("year-of", c("{d}"))).isEqualTo(2024);
        assertThat(computed("half-year-of", c("{d}"))).isEqualTo(2);
        assertThat(computed("quarter-of", c("{d}"))).isEqualTo(3);
        assertThat(computed("month-of", c("{d}"))).isEqualTo(8);
        assertThat(computed("week-of-year", c("{d}"))).isEqualTo(32);
        assertThat(computed("week-of-month", c("{d}"))).isEqualTo(2);
        assertThat(computed("day-of-month", c("{d}"))).isEqualTo(17);
        assertThat(computed("day-of-week", c("{d}"))).isEqualTo(7);
        assertThat(computed("year-of", c("{missing}"))).isNull();
        assertThatThrownBy(() -> computed("year-of", c("{bad}"))).isInstanceOf(WatchmenException.class)
                .hasMessageContaining("cannot be parsed to date or datetime");
    }

    @Test
    void caseThen_takesFirstTrueRouteThenTheDefault() {
        String large = "{\"kind\": \"constant\", \"value\": \"large\", \"conditional\": true, \"on\": {\"jointType\": \"and\", "
                + "\"filters\": [{\"left\": " + c("{n}") + ", \"operator\": \"more\", \"right\": " + c("100") + "}]}}";
        String any = "{\"kind\": \"constant\", \"value\": \"any\", \"conditional\": true}";
        assertThat(computed("case-then", large, c("small"))).isEqualTo("small");
        assertThat(computed("case-then", large)).isNull();
        assertThat(computed("case-then", large, any, c("small"))).isEqualTo("any");
        assertThatThrownBy(() -> computed("none", c("1"))).hasMessage("Compute type not declared.");
    }

    private Object eval(String template) {
        return fixture.constant(context, template);
    }

    @Test
    void dateFunctions_withLiteralsPathsAndNow() {
        assertThat(eval("{&yearDiff(2025-08-17,d)}")).isEqualTo(1);
        assertThat(eval("{&monthDiff(2024-06-14,2024-03-15)}")).isEqualTo(2);
        assertThat(eval("{&dayDiff(2024-03-20,dt)}")).isEqualTo(5L);
        assertThat(eval("{&dayDiff(&now,dt)}")).isEqualTo(5L);
        assertThat(eval("{&moveDate(d,M+1D1)}")).isEqualTo(LocalDateTime.of(2024, 9, 1, 0, 0));
        assertThat(eval("{&fmtDate(dt,Y/M/D h:m:s)}")).isEqualTo("2024/03/15 10:20:30");
        assertThat(eval("{&combineDateTime(d,tm)}")).isEqualTo(LocalDateTime.of(2024, 8, 17, 8, 30));
        assertThat(eval("{&combineDateTime(d,1015)}")).isEqualTo(LocalDateTime.of(2024, 8, 17, 10, 15));
        assertThat(eval("at {&fmtDate(d,Y)}")).isEqualTo("at 2024");
        assertThatThrownBy(() -> eval("{&dayDiff(missing,d)}")).isInstanceOf(WatchmenException.class)
                .hasMessage("Value[None] cannot be parsed to date or datetime.");
        assertThatThrownBy(() -> eval("{&moveDate(d,Q+1)}")).isInstanceOf(WatchmenException.class);
        assertThatThrownBy(() -> eval("{&dayDiff(d)}")).isInstanceOf(WatchmenException.class);
    }

    @Test
    void dateFunctionArguments_areTrimmed_deviation() {
        assertThat(eval("{&fmtDate(d, Y/M/D)}")).isEqualTo("2024/08/17");
        assertThat(eval("{&dayDiff(d, &now)}")).isEqualTo(150L);
    }

    @Test
    void now_isEvaluatedAtEveryRun_neverFrozen_deviation() {
        Object first = eval("{&fmtDate(&now,h:m:s)}");
        fixture.clock.now = fixture.clock.now.plus(Duration.ofSeconds(2));
        assertThat(eval("{&fmtDate(&now,h:m:s)}")).isNotEqualTo(first).isEqualTo("10:00:02");
        assertThat(eval("{&now}")).isEqualTo(LocalDateTime.of(2024, 3, 20, 10, 0, 2));
        assertThat(eval("at {&now}")).isEqualTo("at 2024-03-20 10:00:02");
    }

    @Test
    void oldNextSeqAndVariables() {
        assertThat(eval("{&old.s}")).isEqualTo("before");
        assertThat(eval("{&old}")).isEqualTo(Map.of("s", "before", "n", 1));
        assertThatThrownBy(() -> eval("x{&old}")).isInstanceOf(WatchmenException.class);
        assertThat(eval("{&nextSeq}")).isEqualTo(501L);
        EvalContext insert = fixture.context(null, ValueFixture.data("{\"s\": 1}"));
        assertThatThrownBy(() -> fixture.constant(insert, "{&old.s}")).isInstanceOf(WatchmenException.class);
        assertThat(fixture.constant(insert, "{&old}")).isNull();
        insert.setVariable("s", null);
        assertThat(fixture.constant(insert, "{s}")).isNull();
        assertThat(fixture.evaluator.evaluate(fixture.parameter(
                "{\"kind\": \"variable\", \"variableName\": \"s\"}"), insert)).isNull();
    }
}
