package io.watchmen.core.storage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.json.WatchmenJson;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
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
    /** The mapper's nesting limit: deeper values are left to it, so that it reports them as before. */
    static final int MAX_DEPTH = WatchmenJson.mapper().getFactory().streamWriteConstraints()
            .getMaxNestingDepth();
    private static final int MAX_KEPT_BUFFER = 64 * 1024;
    private static final ThreadLocal<StringBuilder> BUFFER = new ThreadLocal<>();

    private JsonValues() {
    }

    static String write(Object value) {
        StringBuilder text = takeBuffer();
        try {
            if (JsonText.append(text, value, 0, MAX_DEPTH)) {
                return text.toString();
            }
        } finally {
            returnBuffer(text);
        }
        return writeWithMapper(value);
    }

    /** The generator's way, for values {@link JsonText} leaves to the mapper (and its errors). */
    private static String writeWithMapper(Object value) {
        // streamed straight from the value: the encoding applied while writing, not to a copy of the tree
        StringWriter out = new StringWriter(256);
        try (JsonGenerator generator = WatchmenJson.mapper().getFactory().createGenerator(out)) {
            writeValue(generator, value);
        } catch (JsonProcessingException e) {
            throw new WatchmenException(ErrorCode.DATA_INVALID, "Value cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new WatchmenException(ErrorCode.DATA_INVALID, "Value cannot be written as JSON: "
                    + e.getMessage(), e);
        }
        return out.toString();
    }

    /**
     * One text buffer per thread, reused: a monitor log's text is a few KiB and would otherwise grow a new builder
     * through several copies. A nested write (a {@link JsonTextMap} rendered on first use) gets a fresh one.
     */
    static StringBuilder takeBuffer() {
        StringBuilder buffer = BUFFER.get();
        if (buffer == null) {
            return new StringBuilder(1024);
        }
        BUFFER.set(null);
        buffer.setLength(0);
        return buffer;
    }

    static void returnBuffer(StringBuilder buffer) {
        if (buffer.capacity() <= MAX_KEPT_BUFFER) {
            BUFFER.set(buffer);
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

    private static void writeValue(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof JsonTextMap rendered) {
            generator.writeRawValue(rendered.json());
        } else if (value instanceof RenderedJson rendered) {
            generator.writeRawValue(rendered.json());
        } else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeFieldName(String.valueOf(entry.getKey()));
                writeValue(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object element : list) {
                writeValue(generator, element);
            }
            generator.writeEndArray();
        } else if (value instanceof Integer number) {
            generator.writeNumber(number);
        } else if (value instanceof Long number) {
            generator.writeNumber(number);
        } else if (value instanceof Boolean flag) {
            generator.writeBoolean(flag);
        } else {
            Object leaf = normaliseLeaf(value);
            if (leaf instanceof String text) {
                generator.writeString(text);
            } else if (leaf instanceof Long number) {
                generator.writeNumber(number);
            } else if (leaf instanceof BigDecimal number) {
                // what the mapper's number serializer does (plain-writing is not enabled)
                generator.writeNumber(number);
            } else if (leaf instanceof BigInteger number) {
                generator.writeNumber(number);
            } else {
                // anything else is written by the mapper as it stands
                generator.writeObject(leaf);
            }
        }
    }

    /** Watchmen's encoding of a scalar: the value itself when it needs none. */
    static Object normaliseLeaf(Object value) {
        if (value instanceof BigDecimal decimal) {
            if (decimal.abs().compareTo(LIMIT) > 0) {
                return decimal.toPlainString();
            }
            if (decimal.signum() == 0 || decimal.scale() <= 0 || decimal.stripTrailingZeros().scale() <= 0) {
                return decimal.toBigIntegerExact().longValueExact();
            }
            return decimal;
        }
        if (value instanceof BigInteger integer && new BigDecimal(integer).abs().compareTo(LIMIT) > 0) {
            return integer.toString();
        }
        if (value instanceof LocalDateTime dateTime) {
            String text = JsonText.dateTime(dateTime);
            return text != null ? text : dateTime.format(DATE_TIME) + micros(dateTime.getNano());
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof LocalTime time) {
            return JsonText.time(time);
        }
        return value;
    }

    private static String micros(int nanos) {
        int micros = nanos / 1000;
        return micros == 0 ? "" : String.format(".%06d", micros);
    }
}
