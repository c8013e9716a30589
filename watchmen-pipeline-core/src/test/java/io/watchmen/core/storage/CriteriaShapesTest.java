package io.watchmen.core.storage;

import static io.watchmen.core.storage.CriteriaSqlTest.PROBE;
import static io.watchmen.core.storage.CriteriaSqlTest.cmp;
import static io.watchmen.core.storage.CriteriaSqlTest.col;
import static io.watchmen.core.storage.CriteriaSqlTest.val;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchmen.core.model.pipeline.ParameterComputeType;
import io.watchmen.core.model.pipeline.ParameterJointType;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.storage.criteria.ArithmeticOperand;
import io.watchmen.core.storage.criteria.Criteria;
import io.watchmen.core.storage.criteria.CriteriaExpression;
import io.watchmen.core.storage.criteria.CriteriaJoint;
import io.watchmen.core.storage.criteria.CriteriaOperator;
import io.watchmen.core.storage.dialect.H2Dialect;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class CriteriaShapesTest {

    @Test
    void shape_sameColumnsAndOperatorsWithOtherValues_isTheSame() {
        assertThat(CriteriaShapes.of(and(cmp("name", CriteriaOperator.EQUALS, "alpha"),
                cmp("qty", CriteriaOperator.GREATER_THAN, 3L))))
                .isNotNull()
                .isEqualTo(CriteriaShapes.of(and(cmp("name", CriteriaOperator.EQUALS, "beta"),
                        cmp("qty", CriteriaOperator.GREATER_THAN, new BigDecimal("7.5")))));
    }

    @Test
    void shape_nullValueOtherColumnOperatorOrConjunction_differ() {
        List<String> shapes = new ArrayList<>();
        for (Criteria criteria : List.of(
                and(cmp("name", CriteriaOperator.EQUALS, "alpha")),
                and(cmp("name", CriteriaOperator.EQUALS, null)),
                and(new CriteriaExpression(col("name"), CriteriaOperator.EQUALS, null)),
                and(cmp("code", CriteriaOperator.EQUALS, "alpha")),
                and(cmp("name", CriteriaOperator.NOT_EQUALS, "alpha")),
                new CriteriaJoint(ParameterJointType.OR, List.of(cmp("name", CriteriaOperator.EQUALS, "alpha"))),
                cmp("name", CriteriaOperator.EQUALS, "alpha"),
                and(new CriteriaExpression(val("alpha"), CriteriaOperator.EQUALS, col("name"))),
                and(cmp("name", CriteriaOperator.EQUALS, "alpha"), cmp("name", CriteriaOperator.EQUALS, "alpha")))) {
            shapes.add(CriteriaShapes.of(criteria));
        }

        assertThat(shapes).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void shape_inListsAndComputedOperands_areNotCached() {
        assertThat(CriteriaShapes.of(and(cmp("name", CriteriaOperator.IN, List.of("a", "b"))))).isNull();
        assertThat(CriteriaShapes.of(and(cmp("name", CriteriaOperator.NOT_IN, "a,b")))).isNull();
        assertThat(CriteriaShapes.of(and(new CriteriaExpression(new ArithmeticOperand(ParameterComputeType.ADD,
                List.of(col("qty"), val(1L))), CriteriaOperator.GREATER_THAN, val(2L))))).isNull();
    }

    @Test
    void values_ofEverySimpleForm_areTheRenderedParametersInOrder() {
        TopicColumns layout = TopicColumns.of(PROBE);
        for (Criteria criteria : List.of(
                cmp("name", CriteriaOperator.EQUALS, "alpha"),
                cmp("qty", CriteriaOperator.EQUALS, null),
                new CriteriaExpression(val(null), CriteriaOperator.NOT_EQUALS, val("x")),
                new CriteriaExpression(val("x"), CriteriaOperator.EQUALS, col("name")),
                new CriteriaExpression(val("x"), CriteriaOperator.IS_EMPTY, null),
                new CriteriaExpression(col("code"), CriteriaOperator.IS_NOT_EMPTY, null),
                new CriteriaExpression(val(1L), CriteriaOperator.LESS_THAN, null),
                new CriteriaJoint(ParameterJointType.OR, List.of(cmp("qty", CriteriaOperator.LESS_THAN, 1L),
                        and(cmp("name", CriteriaOperator.EQUALS, "a"), cmp("code", CriteriaOperator.NOT_EQUALS,
                                "b")), and())))) {
            List<Object> rendered = new ArrayList<>();
            new CriteriaSql(H2Dialect.INSTANCE, layout).render(criteria).params()
                    .forEach(param -> rendered.add(param.value()));
            List<Object> values = new ArrayList<>();
            CriteriaShapes.values(criteria, values);

            assertThat(CriteriaShapes.of(criteria)).as(String.valueOf(criteria)).isNotNull();
            assertThat(values).as(String.valueOf(criteria)).isEqualTo(rendered);
        }
    }

    @Test
    void shapedStatements_ofAChangedTopicVersion_areNotReused() {
        TopicSql sql = new TopicSql();
        StorageTarget target = new StorageTarget("ds-1", H2Dialect.INSTANCE, null, null);
        String shape = CriteriaShapes.of(cmp("name", CriteriaOperator.EQUALS, "alpha"));
        sql.putShaped(target, sql.layout(PROBE), "find", shape,
                new TopicSql.Shaped("SELECT 1", List.of(ValueKind.TEXT, ValueKind.TEXT)));
        Topic changed = new Topic(PROBE.topicId(), PROBE.name(), PROBE.type(), PROBE.kind(), PROBE.dataSourceId(),
                PROBE.factors(), PROBE.description(), PROBE.tenantId(), PROBE.createdAt(), PROBE.createdBy(),
                PROBE.lastModifiedAt(), PROBE.lastModifiedBy(), PROBE.version() + 1);

        assertThat(sql.shaped(target, sql.layout(PROBE), "find", shape)).isNotNull();
        assertThat(sql.shaped(target, sql.layout(changed), "find", shape)).isNull();
        assertThat(sql.shaped(target, sql.layout(PROBE), "exists", shape)).isNull();
    }

    @Test
    void statement_ofASimpleShape_isRenderedOnceAndBindsEachCallsValues() {
        TopicSql sql = new TopicSql();
        CriteriaStatements statements = new CriteriaStatements(sql);
        StorageTarget target = new StorageTarget("ds-1", H2Dialect.INSTANCE, null, null);
        TopicColumns layout = sql.layout(PROBE);
        AtomicInteger rendered = new AtomicInteger();
        UnaryOperator<String> text = where -> {
            rendered.incrementAndGet();
            return "SELECT * FROM probe WHERE " + where;
        };

        SqlFragment alpha = statements.of(target, layout, and(cmp("name", CriteriaOperator.EQUALS, "alpha")), "T1",
                "find", text);
        SqlFragment beta = statements.of(target, layout, and(cmp("name", CriteriaOperator.EQUALS, "beta")), "T2",
                "find", text);

        assertThat(rendered).hasValue(1);
        assertThat(beta.sql()).isSameAs(alpha.sql());
        assertThat(beta.params()).extracting(SqlFragment.Param::value).containsExactly("beta", "T2");
        assertThat(beta.params()).extracting(SqlFragment.Param::kind)
                .isEqualTo(alpha.params().stream().map(SqlFragment.Param::kind).toList());
    }

    @Test
    void statement_ofInLists_isRenderedEveryCall() {
        TopicSql sql = new TopicSql();
        CriteriaStatements statements = new CriteriaStatements(sql);
        StorageTarget target = new StorageTarget("ds-1", H2Dialect.INSTANCE, null, null);
        AtomicInteger rendered = new AtomicInteger();
        UnaryOperator<String> text = where -> {
            rendered.incrementAndGet();
            return where;
        };

        SqlFragment two = statements.of(target, sql.layout(PROBE), cmp("name", CriteriaOperator.IN, List.of("a", "b")),
                "T1", "find", text);
        SqlFragment three = statements.of(target, sql.layout(PROBE), cmp("name", CriteriaOperator.IN,
                List.of("a", "b", "c")), "T1", "find", text);

        assertThat(rendered).hasValue(2);
        assertThat(two.params()).hasSize(3);
        assertThat(three.params()).hasSize(4);
    }

    private static Criteria and(Criteria... children) {
        return new CriteriaJoint(ParameterJointType.AND, Arrays.asList(children));
    }
}
