/**
 * What every serverless adapter shares: the per-instance runtime ({@link io.watchmen.core.trigger.function.FunctionRuntime}),
 * the loop that delivers every object of a notification independently, the one-line-per-object log
 * ({@link io.watchmen.core.trigger.function.FunctionLog}), the platform-neutral retry signal
 * ({@link io.watchmen.core.trigger.function.RetryableDeliveryException}) and the scheduled purge of the delivery
 * ledger ({@link io.watchmen.core.trigger.function.FunctionRuntime#purgeLedger}). Adapters keep only event mapping,
 * object reading and lifecycle.
 */
package io.watchmen.core.trigger.function;
