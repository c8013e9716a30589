package io.watchmen.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.model.topic.TopicKind;
import io.watchmen.core.model.topic.TopicType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    @Test
    void tableName_trimsLowerCasesAndPrefixesNonSynonyms() {
        assertThat(Identifiers.tableName(topic(" Order_Detail ", TopicKind.BUSINESS))).isEqualTo("topic_order_detail");
        assertThat(Identifiers.tableName(topic("Ext_Orders", TopicKind.SYNONYM))).isEqualTo("ext_orders");
    }

    @Test
    void columnName_askedAgain_givesTheSameColumnAndAnInvalidNameFailsEachTime() {
        assertThat(Identifiers.columnName("Repeat.Me")).isEqualTo("repeat_me");
        assertThat(Identifiers.columnName("Repeat.Me")).isEqualTo("repeat_me");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> Identifiers.columnName("bad;name")).isInstanceOf(WatchmenException.class);
        }
    }

    @Test
    void columnName_rule1_replacesDotsDashesAndSpaces() {
        assertThat(Identifiers.columnName(" Customer.Name ")).isEqualTo("customer_name");
        assertThat(Identifiers.columnName("half-year")).isEqualTo("half_year");
        assertThat(Identifiers.columnName("two words")).isEqualTo("two_words");
        assertThat(Identifiers.columnName("select")).isEqualTo("select");
        assertThat(Identifiers.columnName("x".repeat(63))).hasSize(63);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a'b", "a\"b", "a`b", "a;b", "naïve", "名字", "1abc", "_abc", "", "a/b", "a(b)"})
    void columnName_unsafeCharacters_areRejected(String name) {
        assertThatThrownBy(() -> Identifiers.columnName(name)).isInstanceOf(WatchmenException.class)
                .extracting(e -> ((WatchmenException) e).code()).isEqualTo(ErrorCode.IDENTIFIER_INVALID);
    }

    @Test
    void names_over63Characters_areRejected() {
        assertThatThrownBy(() -> Identifiers.columnName("x".repeat(64)))
                .isInstanceOf(WatchmenException.class);
        assertThatThrownBy(() -> Identifiers.tableName(topic("x".repeat(58), TopicKind.BUSINESS)))
                .isInstanceOf(WatchmenException.class).hasMessageContaining("topic[id=t1]");
        assertThat(Identifiers.tableName(topic("x".repeat(57), TopicKind.BUSINESS))).hasSize(63);
    }

    @ParameterizedTest
    @ValueSource(strings = {"id_", "data_", "aggregate_assist_", "version_", "tenant_id_", "insert_time_",
            "update_time_", "Tenant.Id_"})
    void factorColumn_technicalNames_areRejectedNamingTheTopic(String name) {
        assertThatThrownBy(() -> Identifiers.factorColumn(topic("orders", TopicKind.BUSINESS), name))
                .isInstanceOf(WatchmenException.class)
                .hasMessageContaining("topic[id=t1, name=orders]")
                .extracting(e -> ((WatchmenException) e).code()).isEqualTo(ErrorCode.IDENTIFIER_INVALID);
    }

    @Test
    void factorColumn_invalidName_namesTheTopicAndFactor() {
        assertThatThrownBy(() -> Identifiers.factorColumn(topic("orders", TopicKind.BUSINESS), "a;b"))
                .hasMessageContaining("Factor name[a;b] of topic[id=t1, name=orders]");
    }

    private static Topic topic(String name, TopicKind kind) {
        return new Topic("t1", name, TopicType.DISTINCT, kind, null, List.of(), null, "T1", null, null, null, null,
                1L);
    }
}
