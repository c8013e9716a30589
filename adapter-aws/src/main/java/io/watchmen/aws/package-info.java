/**
 * AWS Lambda adapter: {@link io.watchmen.aws.S3TriggerHandler} receives S3 object-created notifications, reads
 * every object with the AWS SDK v2 and hands each to the core; {@link io.watchmen.aws.SnapStartHook} primes and
 * suspends the runtime around a SnapStart snapshot; {@link io.watchmen.aws.LedgerPurgeHandler} is the hourly
 * scheduled purge of the delivery ledger (a second function on the same jar).
 */
package io.watchmen.aws;
