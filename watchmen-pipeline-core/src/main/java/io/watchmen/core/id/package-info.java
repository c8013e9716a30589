/**
 * Snowflake ids (spec storage 5). {@link io.watchmen.core.id.SnowflakeGenerator} is the only public type; the
 * worker-id registries behind it are package-private. Leases are claimed lazily (first id), proven by a value only
 * this holder wrote, re-validated before use after a pause, and released on suspend/close.
 */
package io.watchmen.core.id;
