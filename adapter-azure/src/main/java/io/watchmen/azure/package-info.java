/**
 * Azure Functions adapter: {@link io.watchmen.azure.BlobTriggerFunction} receives each new or updated blob (Event
 * Grid-based blob trigger) and hands it to the core; {@link io.watchmen.azure.BlobETags} adds the blob's ETag as
 * its version token when a storage connection string is configured; {@link io.watchmen.azure.LedgerPurgeFunction}
 * purges the delivery ledger every hour (timer trigger).
 */
package io.watchmen.azure;
