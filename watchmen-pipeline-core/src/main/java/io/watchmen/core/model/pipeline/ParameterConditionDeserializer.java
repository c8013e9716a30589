package io.watchmen.core.model.pipeline;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/** Reads a filter as a joint when it carries a non-null {@code jointType}, else as an expression. */
final class ParameterConditionDeserializer extends StdDeserializer<ParameterCondition> {

    ParameterConditionDeserializer() {
        super(ParameterCondition.class);
    }

    @Override
    public ParameterCondition deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode node = parser.readValueAsTree();
        JsonNode jointType = node.get("jointType");
        Class<? extends ParameterCondition> target =
                jointType != null && !jointType.isNull() ? ParameterJoint.class : ParameterExpression.class;
        return parser.getCodec().treeToValue(node, target);
    }
}
