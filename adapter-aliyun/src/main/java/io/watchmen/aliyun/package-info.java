/**
 * Alibaba Cloud Function Compute adapter. {@link io.watchmen.aliyun.OssTriggerHandler} is an fc-java-core handler
 * (invoke, initializer, preStop) for OSS object-created events; {@link io.watchmen.aliyun.LedgerPurgeHandler} is the
 * hourly timer-triggered purge of the delivery ledger; {@link io.watchmen.aliyun.CustomRuntimeServer} runs either in
 * a Java 17 custom runtime (FC's built-in Java runtimes stop at 11).
 */
package io.watchmen.aliyun;
