package io.watchmen.core.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.json.WatchmenJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON columns in Watchmen's encoding (spec storage 1.1): dates as ISO-8601 without zone ({@code .ffffff} only
 * when there are microseconds), integral decimals as JSON integers, decimals beyond 999 999 999 999 999 as
 * strings.
 */
final class JsonValues {

    private static final BigDecimal LIMIT = new BigDecimal("999999999999999");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private JsonValues() {
    }

    static String write(Object value) {
        try {
            return WatchmenJson.mapper().writeValueAsString(normalise(value));
        } catch (JsonProcessingException e) {
            throw new WatchmenException(ErrorCode.DATA_INVALID, "Value cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    static Object read(String json) {
        if (json == null) {
            return null;
        }
        try {
            return WatchmenJson.mapper().readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new WatchmenException(ErrorCode.DATA_INVALID, "Stored JSON cannot be parsed: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static Object normalise(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), normalise(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(normalise(v)));
            return out;
        }
        if (value instanceof BigDecimal decimal) {
            if (decimal.abs().compareTo(LIMIT) > 0) {
                return decimal.toPlainString();
            }
            if (decimal.signum() == 0 || decimal.stripTrailingZeros().scale() <= 0) {
                return decimal.toBigIntegerExact().longValueExact();
            }
            return decimal;
        }
        if (value instanceof BigInteger integer && new BigDecimal(integer).abs().compareTo(LIMIT) > 0) {
            return integer.toString();
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime.format(DATE_TIME) + micros(dateTime.getNano());
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof LocalTime time) {
            return time.format(TIME) + micros(time.getNano());
        }
        return value;
    }

    private static String micros(int nanos) {
        int micros = nanos / 1000;
        return micros == 0 ? "" : String.format(".%06d", micros);
    }
}
