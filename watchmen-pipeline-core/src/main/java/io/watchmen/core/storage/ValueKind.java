package io.watchmen.core.storage;

import io.watchmen.core.model.topic.FactorType;

/** How a column's values are bound and read (spec storage 2.8). */
enum ValueKind {
    /** BIGINT: id_ and sequence factors. */
    LONG,
    /** SMALLINT / TINYINT / INT factors and version_. */
    INT,
    DECIMAL,
    /** Boolean factors, stored as 1/0. */
    BOOLEAN,
    TEXT,
    DATETIME,
    DATE,
    TIME,
    JSON,
    /** No column context: bind the Java value as it is. */
    NATURAL;

    static ValueKind of(FactorType type) {
        if (type == null) {
            return TEXT;
        }
        return switch (type) {
            case SEQUENCE -> LONG;
            case NUMBER, UNSIGNED, RESIDENTIAL_AREA -> DECIMAL;
            case FLOOR, YEAR, AGE, HALF_YEAR, QUARTER, MONTH, HALF_MONTH, TEN_DAYS, WEEK_OF_YEAR, WEEK_OF_MONTH,
                    HALF_WEEK, DAY_OF_MONTH, DAY_OF_WEEK, DAY_KIND, HOUR, HOUR_KIND, MINUTE, SECOND, MILLISECOND,
                    AM_PM, BIZ_SCALE -> INT;
            case BOOLEAN -> BOOLEAN;
            case DATETIME, FULL_DATETIME -> DATETIME;
            case DATE, DATE_OF_BIRTH -> DATE;
            case TIME -> TIME;
            case OBJECT, ARRAY -> JSON;
            default -> TEXT;
        };
    }

    static ValueKind of(TopicColumns.Column column) {
        return switch (column.role()) {
            case ID, VERSION -> LONG;
            case FACTOR -> of(column.factor().type());
            case DATA, AGGREGATE_ASSIST -> JSON;
            case TENANT -> TEXT;
            case INSERT_TIME, UPDATE_TIME -> DATETIME;
        };
    }
}
