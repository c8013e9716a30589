package io.watchmen.core.model.topic;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Watchmen's 55 factor types, in declaration order, with their exact JSON strings. */
public enum FactorType {
    SEQUENCE("sequence"), NUMBER("number"), UNSIGNED("unsigned"), TEXT("text"),
    ADDRESS("address"), CONTINENT("continent"), REGION("region"), COUNTRY("country"), PROVINCE("province"),
    CITY("city"), DISTRICT("district"), ROAD("road"), COMMUNITY("community"), FLOOR("floor"),
    RESIDENCE_TYPE("residence-type"), RESIDENTIAL_AREA("residential-area"),
    EMAIL("email"), PHONE("phone"), MOBILE("mobile"), FAX("fax"),
    DATETIME("datetime"), FULL_DATETIME("full-datetime"), DATE("date"), TIME("time"), YEAR("year"),
    HALF_YEAR("half-year"), QUARTER("quarter"), MONTH("month"), HALF_MONTH("half-month"), TEN_DAYS("ten-days"),
    WEEK_OF_YEAR("week-of-year"), WEEK_OF_MONTH("week-of-month"), HALF_WEEK("half-week"),
    DAY_OF_MONTH("day-of-month"), DAY_OF_WEEK("day-of-week"), DAY_KIND("day-kind"), HOUR("hour"),
    HOUR_KIND("hour-kind"), MINUTE("minute"), SECOND("second"), MILLISECOND("millisecond"), AM_PM("am-pm"),
    GENDER("gender"), OCCUPATION("occupation"), DATE_OF_BIRTH("date-of-birth"), AGE("age"), ID_NO("id-no"),
    RELIGION("religion"), NATIONALITY("nationality"),
    BIZ_TRADE("biz-trade"), BIZ_SCALE("biz-scale"), BOOLEAN("boolean"), ENUM("enum"), OBJECT("object"),
    ARRAY("array");

    private final String json;

    FactorType(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    @JsonCreator
    public static FactorType of(String value) {
        for (FactorType type : values()) {
            if (type.json.equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Factor type[" + value + "] cannot be recognized.");
    }
}
