package io.watchmen.core.storage;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.model.topic.TopicKind;
import io.watchmen.core.model.topic.TopicType;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicSqlTest {

    @Test
    void layout_sameOrEqualTopic_isTheOneLayout_aNewVersionGetsItsOwn() {
        TopicSql sql = new TopicSql();
        TopicColumns first = sql.layout(topic(1L));
        assertSame(first, sql.layout(topic(1L)), "an equal topic read again");
        Topic instance = topic(1L);
        assertSame(first, sql.layout(instance));
        assertSame(first, sql.layout(instance), "the same instance");
        assertNotSame(first, sql.layout(topic(2L)));
    }

    private static Topic topic(long version) {
        return new Topic("t1", "orders", TopicType.DISTINCT, TopicKind.BUSINESS, null, List.of(), null, "T1", null,
                null, null, null, version);
    }
}
