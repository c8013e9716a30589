package io.watchmen.core.storage.criteria;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.watchmen.core.model.topic.Factor;

/**
 * A column of the action's topic. JSON: {@code {"synonym": bool, "entityName": topic name, "columnName": column}}.
 * The factor is kept (not serialised) so the storage knows the column's type.
 */
public record ColumnOperand(boolean synonym, String entityName, String columnName, @JsonIgnore Factor factor)
        implements Operand {
}
