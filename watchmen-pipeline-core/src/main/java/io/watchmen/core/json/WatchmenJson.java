package io.watchmen.core.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.jsontype.TypeIdResolver;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.watchmen.core.model.pipeline.Action;
import io.watchmen.core.model.pipeline.Parameter;
import java.io.IOException;

/**
 * The one Jackson configuration for Watchmen's JSON: unknown properties are ignored (older rows may carry more),
 * nulls are written (the reference writes every declared field), dates are ISO-8601 without zone, and unknown
 * action types or parameter kinds fail with the reference's messages.
 */
public final class WatchmenJson {

    private static final ObjectMapper MAPPER = build();

    private WatchmenJson() {
    }

    /** The shared, thread-safe mapper. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper build() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                .addHandler(new UnknownTypeHandler())
                .build();
    }

    /** Turns an unknown {@code type} / {@code kind} into the reference's error message. */
    private static final class UnknownTypeHandler extends DeserializationProblemHandler {
        @Override
        public JavaType handleUnknownTypeId(DeserializationContext context, JavaType baseType, String subTypeId,
                                            TypeIdResolver resolver, String failureMsg) throws IOException {
            if (baseType.hasRawClass(Action.class)) {
                throw JsonMappingException.from(context,
                        "Pipeline action type[" + subTypeId + "] cannot be recognized.");
            }
            if (baseType.hasRawClass(Parameter.class)) {
                throw JsonMappingException.from(context,
                        "Parameter kind[" + subTypeId + "] cannot be recognized.");
            }
            return null;
        }
    }
}
