package io.watchmen.core.kernel.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.WatchmenException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec 3.2 templates and 3.3 paths / path functions. */
class TemplateAndPathTest {

    private final ValueFixture fixture = new ValueFixture();
    private final EvalContext context = fixture.context(null, ValueFixture.data("""
            {"a": "A", "n": 5, "s": "hello", "items": [{"qty": 1}, {"qty": 2}, {"qty": null}],
             "rows": [{"k": "x", "v": 3, "d": "2024-01-02"}, {"k": "y", "v": null, "d": "2024-03-04"}, {"k": "z", "v": 7, "d": ""}]}"""));

    private Object eval(String template) {
        return fixture.constant(context, template);
    }

    @Test
    void templates_followTheSegmentRules() {
        assertThat(eval("{a}")).isEqualTo("A");
        assertThat(eval("{n}")).isEqualTo(5);
        assertThat(eval("x{a}")).isEqualTo("xA");
        assertThat(eval("{a}-{n}")).isEqualTo("A-5");
        assertThat(eval("x{a}{n}")).isEqualTo("xA5");
        assertThat(eval("x{missing}")).isEqualTo("xNone");
        assertThat(eval("{missing}")).isNull();
        assertThat(eval(null)).isNull();
        assertThat(eval("")).isNull();
        assertThat(eval("   ")).isEqualTo("   ");
        assertThat(eval("no braces")).isEqualTo("no braces");
    }

    @Test
    void trailingText_isKeptWithoutNone_deviation() {
        assertThat(eval("{a}y")).isEqualTo("Ay");
        assertThat(eval("x{a}y")).isEqualTo("xAy");
    }

    @Test
    void paths_navigateAndFlattenArrays() {
        assertThat(eval("{items.qty}")).isEqualTo(ValueFixture.list(1, 2, null));
        assertThat(eval("{s.&length}")).isEqualTo(5);
        assertThat(eval("{n.&length}")).isEqualTo(1);
        assertThat((BigDecimal) eval("{items.qty.&sum}")).isEqualByComparingTo("3");
        assertThat(eval("{items.&count}")).isEqualTo(3);
        assertThat(eval("{items.qty.&max}")).isEqualTo(2);
        assertThat(eval("{items.qty.&min}")).isNull();
        assertThat(eval("{items.qty.&join}")).isEqualTo("1,2,");
        assertThat(eval("{s.&upper}")).isEqualTo("HELLO");
        assertThat(eval("{s.&slice(1,3)}")).isEqualTo("el");
        assertThat(eval("{s.&contains(ell)}")).isEqualTo(true);
        assertThat(eval("{items.&firstRow(qty:desc).qty}")).isEqualTo(2);
        assertThatThrownBy(() -> eval("{s.b}")).isInstanceOf(WatchmenException.class)
                .hasMessageContaining("Cannot retrieve[key=s.b, current=b]");
    }

    @Test
    void arrayFactor_missingValueGivesEmptyList_otherMissingGivesNull() {
        EvalContext empty = fixture.context(null, ValueFixture.data("{\"x\": {}}"));
        assertThat(fixture.constant(empty, "{items}")).isEqualTo(List.of());
        assertThat(fixture.constant(empty, "{x.y}")).isNull();
    }

    @Test
    void copiedVariable_keepsArrayOrigin() {
        EvalContext run = fixture.context(null, ValueFixture.data("{\"items\": [{\"qty\": 1}]}"));
        run.setVariable("lines", List.of());
        run.setOrigin("lines", "items");
        assertThat(PathResolver.isArrayFactor(fixture.topic, run.origin("lines"))).isTrue();
        run.setVariable("lines", null);
        assertThat(fixture.constant(run, "{lines}")).isEqualTo(List.of());
    }

    @Test
    void pathFunctions_onWrongTypes_fail() {
        assertThatThrownBy(() -> eval("{n.&count}")).isInstanceOf(WatchmenException.class);
        assertThatThrownBy(() -> eval("{items.&length}")).isInstanceOf(WatchmenException.class);
        assertThatThrownBy(() -> eval("{n.&sum}")).isInstanceOf(WatchmenException.class);
        assertThatThrownBy(() -> eval("{n.&upper}")).isInstanceOf(WatchmenException.class);
        assertThatThrownBy(() -> eval("{rows.&distinct}")).isInstanceOf(WatchmenException.class);
    }

    @Test
    void distinctJoinAndStringChains() {
        assertThat(eval("{s.&distinct}")).isEqualTo(List.of("hello"));
        assertThat(eval("{rows.k.&distinct}")).isEqualTo(List.of("x", "y", "z"));
        assertThat(eval("{s.&replace(l,L)|&upper}")).isEqualTo("HELLO".replace("L", "L"));
        assertThat(eval("{s.&replace(l,L)}")).isEqualTo("heLLo");
        assertThat(eval("{s.&find(l)}")).isEqualTo(2);
        assertThat(eval("{s.&find(q)}")).isEqualTo(-1);
        assertThatThrownBy(() -> eval("{s.&index(q)}")).isInstanceOf(WatchmenException.class);
        assertThat(eval("{s.&startswith(he)}")).isEqualTo(true);
        assertThat(eval("{s.&endswith(lo)}")).isEqualTo(true);
        assertThat(eval("{s.&strip(ho)}")).isEqualTo("ell");
        assertThat(eval("{s.&split(l)}")).isEqualTo(List.of("he", "", "o"));
        assertThat(eval("{s.&slice(,2)}")).isEqualTo("he");
        assertThat(eval("{s.&slice(-2,)}")).isEqualTo("lo");
        assertThat(eval("{s.&len}")).isEqualTo(5);
        assertThat(eval("{s.&lower}")).isEqualTo("hello");
    }

    @Test
    void minMaxAndFirstRow_convertAndOrder() {
        assertThat(eval("{rows.v.&max}")).isEqualTo(7);
        assertThat(eval("{rows.v.&min}")).isNull();
        EvalContext values = fixture.context(null, ValueFixture.data(
                "{\"t\": [\"3\", \"10\", null], \"d\": [\"2024-01-02\", \"2023-05-06\"], \"m\": [1, \"2024-01-01\"], \"b\": [\"  \"]}"));
        assertThat((BigDecimal) fixture.constant(values, "{t.&max}")).isEqualByComparingTo("10");
        assertThat(fixture.constant(values, "{t.&min}")).isNull();
        assertThat(fixture.constant(values, "{d.&min}")).isEqualTo(java.time.LocalDate.of(2023, 5, 6));
        assertThatThrownBy(() -> fixture.constant(values, "{m.&max}")).isInstanceOf(WatchmenException.class);
        assertThatThrownBy(() -> fixture.constant(values, "{b.&max}")).isInstanceOf(WatchmenException.class);
        assertThat(eval("{rows.&firstRow(v:desc).k}")).isEqualTo("z");
        assertThat(eval("{rows.&firstRow(v).k}")).isEqualTo("x");
        assertThat(eval("{rows.&firstRow(d:desc).k}")).isEqualTo("y");
        assertThat(eval("{s.&firstRow(v)}")).isNull();
        assertThatThrownBy(() -> eval("{rows.&firstRow}")).isInstanceOf(WatchmenException.class);
    }
}
