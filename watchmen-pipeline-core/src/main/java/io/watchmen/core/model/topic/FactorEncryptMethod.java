package io.watchmen.core.model.topic;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a factor's value is encrypted or masked before it is stored. */
public enum FactorEncryptMethod {
    NONE("none"),
    AES256_PKCS5_PADDING("AES256-PKCS5-PADDING"),
    MD5("MD5"),
    SHA256("SHA256"),
    MASK_MAIL("MASK-MAIL"),
    MASK_CENTER_3("MASK-CENTER-3"),
    MASK_CENTER_5("MASK-CENTER-5"),
    MASK_LAST_3("MASK-LAST-3"),
    MASK_LAST_6("MASK-LAST-6"),
    MASK_DAY("MASK-DAY"),
    MASK_MONTH("MASK-MONTH"),
    MASK_MONTH_DAY("MASK-MONTH-DAY");

    private final String json;

    FactorEncryptMethod(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    @JsonCreator
    public static FactorEncryptMethod of(String value) {
        for (FactorEncryptMethod candidate : values()) {
            if (candidate.json.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("FactorEncryptMethod[" + value + "] cannot be recognized.");
    }
}
