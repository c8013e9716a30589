/**
 * Google Cloud Functions (2nd gen) adapter: {@link io.watchmen.gcp.GcsFinalizedFunction} receives Cloud Storage
 * {@code object.v1.finalized} CloudEvents and reads exactly the generation that was written;
 * {@link io.watchmen.gcp.LedgerPurgeFunction} is the HTTP function a Cloud Scheduler job calls every hour to purge
 * the delivery ledger.
 */
package io.watchmen.gcp;
