package io.watchmen.core.storage;

import static io.watchmen.core.storage.JdbcTopicDataServiceTest.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.model.pipeline.AggregateArithmetic;
import io.watchmen.core.model.pipeline.ParameterComputeType;
import io.watchmen.core.model.pipeline.ParameterJointType;
import io.watchmen.core.model.topic.FactorType;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.model.topic.TopicKind;
import io.watchmen.core.model.topic.TopicType;
import io.watchmen.core.storage.criteria.ArithmeticOperand;
import io.watchmen.core.storage.criteria.CaseThenOperand;
import io.watchmen.core.storage.criteria.ColumnOperand;
import io.watchmen.core.storage.criteria.ConcatOperand;
import io.watchmen.core.storage.criteria.Criteria;
import io.watchmen.core.storage.criteria.CriteriaExpression;
import io.watchmen.core.storage.criteria.CriteriaJoint;
import io.watchmen.core.storage.criteria.CriteriaOperator;
import io.watchmen.core.storage.criteria.DateFunctionOperand;
import io.watchmen.core.storage.criteria.DatePartOperand;
import io.watchmen.core.storage.criteria.Operand;
import io.watchmen.core.storage.criteria.ValueOperand;
import io.watchmen.core.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every storage operator and computed operand of spec pipeline 3.9, run against real rows. */
class CriteriaSqlTest {

    static final Topic PROBE = TopicTablesTest.topic("criteria_probe", TopicType.DISTINCT, TopicKind.BUSINESS,
            TopicTablesTest.factor("name", FactorType.TEXT, null, null),
            TopicTablesTest.factor("qty", FactorType.NUMBER, null, null),
            TopicTablesTest.factor("price", FactorType.NUMBER, null, null),
            TopicTablesTest.factor("at", FactorType.DATETIME, null, null),
            TopicTablesTest.factor("birth", FactorType.DATE, null, null),
            TopicTablesTest.factor("flag", FactorType.BOOLEAN, null, null),
            TopicTablesTest.factor("code", FactorType.TEXT, null, null));

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void comparisons_everyOperator_selectTheRightRows(TestDatabase database) throws Exception {
        try (Probe p = new Probe(database)) {
            p.expect(cmp("name", CriteriaOperator.EQUALS, "alpha"), "alpha");
            p.expect(cmp("qty", CriteriaOperator.EQUALS, null), "gamma");
            p.expect(cmp("qty", CriteriaOperator.NOT_EQUALS, null), "alpha", "beta");
            p.expect(cmp("name", CriteriaOperator.NOT_EQUALS, "alpha"), "beta", "gamma");
            p.expect(new CriteriaExpression(col("code"), CriteriaOperator.IS_EMPTY, null), "alpha", "beta");
            p.expect(new CriteriaExpression(col("code"), CriteriaOperator.IS_NOT_EMPTY, null), "gamma");
            p.expect(new CriteriaExpression(col("qty"), CriteriaOperator.IS_EMPTY, null), "gamma");
            p.expect(cmp("qty", CriteriaOperator.LESS_THAN, new BigDecimal("15")), "alpha");
            p.expect(cmp("qty", CriteriaOperator.LESS_THAN_OR_EQUALS, 20L), "alpha", "beta");
            p.expect(cmp("qty", CriteriaOperator.GREATER_THAN, 10L), "beta");
            p.expect(cmp("qty", CriteriaOperator.GREATER_THAN_OR_EQUALS, "10"), "alpha", "beta");
            p.expect(cmp("at", CriteriaOperator.GREATER_THAN, LocalDateTime.of(2024, 1, 1, 0, 0)), "alpha", "beta");
            p.expect(cmp("birth", CriteriaOperator.GREATER_THAN_OR_EQUALS, LocalDate.of(2023, 12, 20)), "alpha",
                    "beta");
            p.expect(cmp("birth", CriteriaOperator.LESS_THAN, LocalDateTime.of(2021, 1, 1, 0, 0)), "gamma");
            p.expect(cmp("flag", CriteriaOperator.EQUALS, true), "alpha");
            p.expect(cmp("flag", CriteriaOperator.EQUALS, 0), "beta");
            p.expect(cmp("flag", CriteriaOperator.EQUALS, "true"), "alpha");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void find_oneShapeWithOtherValuesBetweenOtherShapes_eachSelectsItsOwnRows(TestDatabase database)
            throws Exception {
        try (Probe p = new Probe(database)) {
            p.expect(all(cmp("name", CriteriaOperator.EQUALS, "alpha")), "alpha");
            p.expect(all(cmp("name", CriteriaOperator.EQUALS, "beta")), "beta");
            p.expect(all(cmp("qty", CriteriaOperator.EQUALS, null)), "gamma");
            p.expect(all(cmp("qty", CriteriaOperator.EQUALS, 20L)), "beta");
            p.expect(all(cmp("qty", CriteriaOperator.EQUALS, null)), "gamma");
            p.expect(all(cmp("name", CriteriaOperator.EQUALS, "gamma"), cmp("qty", CriteriaOperator.EQUALS, null)),
                    "gamma");
            p.expect(all(cmp("name", CriteriaOperator.EQUALS, "alpha"), cmp("qty", CriteriaOperator.EQUALS, null)));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void existsAndAggregate_afterAFindOfTheSameShape_useTheirOwnStatements(TestDatabase database) throws Exception {
        try (Probe p = new Probe(database)) {
            Criteria byName = all(cmp("name", CriteriaOperator.EQUALS, "beta"));
            p.expect(byName, "beta");

            assertThat(p.f.<Boolean>inWork(w -> p.f.data.exists(w, PROBE, all(cmp("name", CriteriaOperator.EQUALS,
                    "alpha")), "T1"))).isTrue();
            assertThat(p.f.<Boolean>inWork(w -> p.f.data.exists(w, PROBE, all(cmp("name", CriteriaOperator.EQUALS,
                    "delta")), "T1"))).isFalse();
            assertThat((BigDecimal) p.f.<Object>inWork(w -> p.f.data.aggregate(w, PROBE,
                    PROBE.factorByName("qty").orElseThrow(), AggregateArithmetic.SUM, byName, "T1")))
                    .isEqualByComparingTo("20");
            assertThat(p.f.<Object>inWork(w -> p.f.data.aggregate(w, PROBE, null, AggregateArithmetic.COUNT,
                    byName, "T1"))).isEqualTo(1L);
            assertThat(p.f.<List<Object>>inWork(w -> p.f.data.findValues(w, PROBE,
                    PROBE.factorByName("name").orElseThrow(), byName, "T1"))).containsExactly("beta");
        }
    }

    private static Criteria all(Criteria... children) {
        return new CriteriaJoint(ParameterJointType.AND, List.of(children));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void inAndJoints_listsCommaTextAndEmptyJoints_selectTheRightRows(TestDatabase database) throws Exception {
        try (Probe p = new Probe(database)) {
            p.expect(cmp("name", CriteriaOperator.IN, List.of("alpha", "gamma")), "alpha", "gamma");
            p.expect(cmp("name", CriteriaOperator.IN, " alpha,,beta "), "alpha", "beta");
            p.expect(cmp("name", CriteriaOperator.NOT_IN, "alpha"), "beta", "gamma");
            p.expect(cmp("name", CriteriaOperator.IN, List.of()));
            p.expect(cmp("name", CriteriaOperator.NOT_IN, ""), "alpha", "beta", "gamma");
            p.expect(cmp("qty", CriteriaOperator.IN, List.of(10L, new BigDecimal("30"))), "alpha");
            p.expect(new CriteriaJoint(ParameterJointType.AND, List.of()), "alpha", "beta", "gamma");
            p.expect(new CriteriaJoint(ParameterJointType.OR, List.of(cmp("name", CriteriaOperator.EQUALS, "alpha"),
                    new CriteriaJoint(ParameterJointType.AND, List.of(cmp("qty", CriteriaOperator.EQUALS, 20L),
                            cmp("code", CriteriaOperator.EQUALS, null))))), "alpha", "beta");
            p.expect(new CriteriaJoint(ParameterJointType.AND, List.of(cmp("name", CriteriaOperator.EQUALS, "alpha"),
                    new CriteriaJoint(ParameterJointType.OR, List.of()))), "alpha");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void computedOperands_arithmeticCaseThenConcat_areEvaluatedByTheDatabase(TestDatabase database)
            throws Exception {
        try (Probe p = new Probe(database)) {
            p.expect(eq(arith(ParameterComputeType.ADD, col("qty"), val(5)), val(15)), "alpha");
            p.expect(new CriteriaExpression(arith(ParameterComputeType.MULTIPLY, col("qty"), col("price")),
                    CriteriaOperator.GREATER_THAN, val(40)), "beta");
            p.expect(eq(arith(ParameterComputeType.DIVIDE, col("qty"), val("4")), val(new BigDecimal("2.5"))),
                    "alpha");
            p.expect(eq(arith(ParameterComputeType.MODULUS, col("qty"), val(3)), val(2)), "beta");
            p.expect(eq(arith(ParameterComputeType.SUBTRACT, col("price"), val(1)), val(0)), "gamma");
            Operand size = new CaseThenOperand(List.of(new CaseThenOperand.Route(
                    cmp("qty", CriteriaOperator.GREATER_THAN, 15L), val("big"))), val("small"));
            p.expect(eq(size, val("big")), "beta");
            p.expect(eq(size, val("small")), "alpha", "gamma");
            p.expect(eq(new ConcatOperand(List.of(col("name"), val("-"), col("code"))), val("gamma-X")), "gamma");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void dateParts_useTheReferenceNumbering(TestDatabase database) throws Exception {
        try (Probe p = new Probe(database)) {
            p.expect(eq(part(ParameterComputeType.YEAR_OF, col("at")), val(2024)), "alpha", "beta");
            p.expect(eq(part(ParameterComputeType.MONTH_OF, col("at")), val(8)), "alpha");
            p.expect(eq(part(ParameterComputeType.QUARTER_OF, col("at")), val(3)), "alpha");
            p.expect(eq(part(ParameterComputeType.HALF_YEAR_OF, col("at")), val(1)), "beta", "gamma");
            p.expect(eq(part(ParameterComputeType.DAY_OF_MONTH, col("at")), val(28)), "gamma");
            p.expect(eq(part(ParameterComputeType.DAY_OF_WEEK, col("at")), val(7)), "alpha");
            p.expect(eq(part(ParameterComputeType.DAY_OF_WEEK, col("at")), val(2)), "beta");
            p.expect(eq(part(ParameterComputeType.WEEK_OF_YEAR, col("at")), val(32)), "alpha");
            p.expect(eq(part(ParameterComputeType.WEEK_OF_YEAR, col("at")), val(0)), "beta");
            p.expect(eq(part(ParameterComputeType.WEEK_OF_YEAR, col("at")), val(9)), "gamma");
            p.expect(eq(part(ParameterComputeType.WEEK_OF_MONTH, col("at")), val(2)), "alpha");
            p.expect(eq(part(ParameterComputeType.WEEK_OF_MONTH, col("at")), val(0)), "beta");
            p.expect(eq(part(ParameterComputeType.WEEK_OF_MONTH, col("at")), val(4)), "gamma");
            p.expect(eq(part(ParameterComputeType.YEAR_OF, col("birth")),
                    part(ParameterComputeType.YEAR_OF, val(LocalDate.of(2024, 3, 3)))), "alpha");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void dateFunctions_onColumns_areEvaluatedByTheDatabase(TestDatabase database) throws Exception {
        try (Probe p = new Probe(database)) {
            p.expect(eq(fn("dayDiff", col("at"), col("birth")), val(12)), "beta");
            p.expect(eq(fn("yearDiff", col("at"), col("birth")), val(3)), "gamma");
            p.expect(eq(fn("yearDiff", col("at"), col("birth")), val(0)), "alpha", "beta");
            p.expect(eq(fn("monthDiff", col("at"), col("birth")), val(36)), "gamma");
            p.expect(eq(fn("monthDiff", col("at"), col("birth")), val(0)), "alpha", "beta");
            p.expect(eq(fn("dayDiff", val(LocalDate.of(2024, 8, 27)), col("birth")), val(10)), "alpha");
            p.expect(eq(fn("moveDate", col("birth"), val("M+1D1")), val(LocalDateTime.of(2024, 9, 1, 0, 0))),
                    "alpha");
            p.expect(eq(fn("moveDate", col("birth"), val("D99")), val(LocalDate.of(2023, 12, 31))), "beta");
            p.expect(eq(fn("moveDate", col("birth"), val("Y2021")), val(LocalDate.of(2021, 2, 28))), "gamma");
            p.expect(eq(fn("moveDate", col("at"), val("h0m0s0")), val(LocalDateTime.of(2024, 1, 1, 0, 0))),
                    "beta");
            p.expect(eq(fn("fmtDate", col("at"), val("Y/M/D h:m:s")), val("2024/08/17 10:00:00")), "alpha");
            assertThatThrownBy(() -> p.names(eq(fn("moveDate", col("birth"), val("Q+1")), val(1))))
                    .hasMessage("Incorrect date move pattern[Q+1].");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void columnOperand_hostileColumnName_isRejectedNotExecuted(TestDatabase database) throws Exception {
        try (Probe p = new Probe(database)) {
            Criteria hostile = new CriteriaExpression(new ColumnOperand(false, "criteria_probe",
                    "name\" = name OR 1=1 --", null), CriteriaOperator.EQUALS, val("x"));
            assertThatThrownBy(() -> p.names(hostile)).isInstanceOf(WatchmenException.class)
                    .extracting(e -> ((WatchmenException) e).code()).isEqualTo(ErrorCode.IDENTIFIER_INVALID);
            Criteria byName = new CriteriaExpression(new ColumnOperand(false, "criteria_probe", "name", null),
                    CriteriaOperator.EQUALS, val("'; DROP TABLE topic_criteria_probe; --"));
            assertThat(p.names(byName)).isEmpty();
            assertThat(p.names(new CriteriaJoint(ParameterJointType.AND, List.of()))).hasSize(3);
        }
    }

    /** The probe topic with three rows on one database. */
    static final class Probe implements AutoCloseable {
        final StorageFixture f;

        Probe(TestDatabase database) throws Exception {
            f = new StorageFixture(database.create("criteria"));
            TopicTables.createIfAbsent(f.target(), PROBE);
            f.inWork(w -> {
                f.data.insertRow(w, PROBE, map("name", "alpha", "qty", 10, "price", new BigDecimal("2.5"),
                        "at", LocalDateTime.of(2024, 8, 17, 10, 0), "birth", LocalDate.of(2024, 8, 17),
                        "flag", true, "code", ""), "T1");
                f.data.insertRow(w, PROBE, map("name", "beta", "qty", 20, "price", 4,
                        "at", LocalDateTime.of(2024, 1, 1, 8, 30), "birth", LocalDate.of(2023, 12, 20),
                        "flag", false, "code", null), "T1");
                f.data.insertRow(w, PROBE, map("name", "gamma", "qty", null, "price", 1,
                        "at", LocalDateTime.of(2023, 2, 28, 23, 59, 59), "birth", LocalDate.of(2020, 2, 29),
                        "flag", null, "code", "X"), "T1");
                // another tenant's row never matches
                f.data.insertRow(w, PROBE, map("name", "alpha", "qty", 10), "T2");
                return null;
            });
        }

        List<String> names(Criteria criteria) {
            List<String> names = new ArrayList<>();
            for (Map<String, Object> row : f.<List<Map<String, Object>>>inWork(w -> f.data.find(w, PROBE, criteria,
                    "T1"))) {
                names.add((String) row.get("name"));
            }
            names.sort(String::compareTo);
            return names;
        }

        void expect(Criteria criteria, String... names) {
            assertThat(names(criteria)).as(String.valueOf(criteria)).containsExactly(names);
        }

        @Override
        public void close() throws Exception {
            f.close();
        }
    }

    static ColumnOperand col(String factorName) {
        return new ColumnOperand(false, PROBE.name(), Identifiers.columnName(factorName),
                PROBE.factorByName(factorName).orElseThrow());
    }

    static ValueOperand val(Object value) {
        return new ValueOperand(value);
    }

    static Criteria cmp(String factorName, CriteriaOperator operator, Object value) {
        return new CriteriaExpression(col(factorName), operator, val(value));
    }

    static Criteria eq(Operand left, Operand right) {
        return new CriteriaExpression(left, CriteriaOperator.EQUALS, right);
    }

    static Operand arith(ParameterComputeType type, Operand... operands) {
        return new ArithmeticOperand(type, List.of(operands));
    }

    static Operand part(ParameterComputeType type, Operand operand) {
        return new DatePartOperand(type, operand);
    }

    static Operand fn(String function, Operand... arguments) {
        return new DateFunctionOperand(function, List.of(arguments));
    }
}
