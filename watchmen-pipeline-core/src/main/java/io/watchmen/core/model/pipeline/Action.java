package io.watchmen.core.model.pipeline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** A step of a unit, told apart by {@code type}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AlarmAction.class, name = "alarm"),
        @JsonSubTypes.Type(value = CopyToMemoryAction.class, name = "copy-to-memory"),
        @JsonSubTypes.Type(value = WriteToExternalAction.class, name = "write-to-external"),
        @JsonSubTypes.Type(value = ExistsAction.class, name = "exists"),
        @JsonSubTypes.Type(value = ReadRowAction.class, name = "read-row"),
        @JsonSubTypes.Type(value = ReadRowsAction.class, name = "read-rows"),
        @JsonSubTypes.Type(value = ReadFactorAction.class, name = "read-factor"),
        @JsonSubTypes.Type(value = ReadFactorsAction.class, name = "read-factors"),
        @JsonSubTypes.Type(value = InsertRowAction.class, name = "insert-row"),
        @JsonSubTypes.Type(value = InsertOrMergeRowAction.class, name = "insert-or-merge-row"),
        @JsonSubTypes.Type(value = MergeRowAction.class, name = "merge-row"),
        @JsonSubTypes.Type(value = WriteFactorAction.class, name = "write-factor"),
        @JsonSubTypes.Type(value = DeleteRowAction.class, name = "delete-row"),
        @JsonSubTypes.Type(value = DeleteRowsAction.class, name = "delete-rows")})
public sealed interface Action permits AlarmAction, CopyToMemoryAction, WriteToExternalAction, Action.TopicAction {

    String actionId();

    /** The JSON {@code type} string of this action. */
    @JsonIgnore
    String type();

    /** Actions that read, write or delete rows of a topic. */
    sealed interface TopicAction extends Action permits FindByAction, WriteAction {
        String topicId();
    }

    /** Topic actions that find rows with a {@code by} condition evaluated by the storage. */
    sealed interface FindByAction extends TopicAction permits ReadAction, InsertOrMergeRowAction,
            MergeRowAction, WriteFactorAction, DeleteRowAction, DeleteRowsAction {
        ParameterJoint by();
    }

    /** Write actions that evaluate a mapping into a row. */
    sealed interface WriteAction extends TopicAction permits InsertRowAction, InsertOrMergeRowAction, MergeRowAction {
        List<MappingFactor> mapping();

        AccumulateMode accumulateMode();
    }

    /** Read actions put their result into a variable. */
    sealed interface ReadAction extends FindByAction permits ExistsAction, ReadRowAction, ReadRowsAction,
            ReadFactorAction, ReadFactorsAction {
        String variableName();
    }
}
