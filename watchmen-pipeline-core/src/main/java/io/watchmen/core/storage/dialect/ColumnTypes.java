package io.watchmen.core.storage.dialect;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.model.topic.FactorType;
import java.util.regex.Pattern;

/**
 * The factor type → column type map of spec storage 2.4, written once in MySQL terms and translated per dialect
 * through {@link SqlDialect}'s type hooks. A non-blank precision replaces the default size of sized types.
 */
final class ColumnTypes {

    /** {@code 255} or {@code 10,2}: the only precisions that may reach DDL text. */
    private static final Pattern PRECISION = Pattern.compile("^\\s*\\d{1,3}\\s*(,\\s*\\d{1,2}\\s*)?$");

    private ColumnTypes() {
    }

    static String of(SqlDialect dialect, FactorType type, String precision) {
        if (type == null) {
            throw new WatchmenException(ErrorCode.DEFINITION_INVALID, "Factor type is missing.");
        }
        return switch (type) {
            case SEQUENCE -> "BIGINT";
            case NUMBER, UNSIGNED -> decimal(precision, "32,6");
            case TEXT, DISTRICT, ROAD -> varchar(precision, "255");
            case ADDRESS -> dialect.longTextType();
            case CONTINENT, REGION, COUNTRY, PROVINCE, CITY, RESIDENCE_TYPE, GENDER, OCCUPATION, RELIGION,
                    NATIONALITY, BIZ_TRADE -> varchar(precision, "10");
            case COMMUNITY, EMAIL -> varchar(precision, "100");
            case PHONE, MOBILE, FAX, ID_NO -> varchar(precision, "50");
            case ENUM -> varchar(precision, "20");
            case RESIDENTIAL_AREA -> decimal(precision, "10,2");
            case FLOOR, YEAR, AGE -> "SMALLINT";
            case HALF_YEAR, QUARTER, MONTH, HALF_MONTH, TEN_DAYS, WEEK_OF_YEAR, WEEK_OF_MONTH, HALF_WEEK,
                    DAY_OF_MONTH, DAY_OF_WEEK, DAY_KIND, HOUR, HOUR_KIND, MINUTE, SECOND, MILLISECOND, AM_PM ->
                    dialect.tinyIntType();
            case BIZ_SCALE -> dialect.intType();
            case BOOLEAN -> dialect.booleanType();
            case DATETIME, FULL_DATETIME -> dialect.dateTimeType();
            case DATE, DATE_OF_BIRTH -> "DATE";
            case TIME -> "TIME";
            case OBJECT, ARRAY -> dialect.jsonType();
        };
    }

    private static String varchar(String precision, String defaultSize) {
        return "VARCHAR(" + size(precision, defaultSize) + ")";
    }

    private static String decimal(String precision, String defaultSize) {
        return "DECIMAL(" + size(precision, defaultSize) + ")";
    }

    private static String size(String precision, String defaultSize) {
        if (precision == null || precision.isBlank()) {
            return defaultSize;
        }
        if (!PRECISION.matcher(precision).matches()) {
            throw new WatchmenException(ErrorCode.DEFINITION_INVALID, "Factor precision[" + cap(precision)
                    + "] is not a size such as 255 or 10,2.");
        }
        return precision.replaceAll("\\s", "");
    }

    private static String cap(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
