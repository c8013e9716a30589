package io.watchmen.core.schema;

import io.watchmen.core.config.Settings;
import io.watchmen.core.model.system.KeyStore;
import io.watchmen.core.value.DateTimeParser;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

/**
 * What preparing data needs besides the topic: the date parser, preparation and crypto settings, the tenant's
 * key stores ({@code (tenantId, keyType) -> key store}) and an id source for {@code aid_*} ids.
 */
public record SchemaContext(DateTimeParser parser, Settings.Preparation preparation, Settings.Crypto crypto,
                            BiFunction<String, String, Optional<KeyStore>> keyStores, LongSupplier ids) {
}
