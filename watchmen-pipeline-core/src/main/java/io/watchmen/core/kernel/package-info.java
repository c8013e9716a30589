/**
 * The pipeline kernel: {@link io.watchmen.core.kernel.PipelineKernel} saves trigger data and runs the pipelines it
 * triggers, breadth-first, in the caller's unit of work (spec pipeline 2-4).
 *
 * <p>Sub-packages: {@code compile} (validation and resolution, cached per pipeline id + version + last
 * modification), {@code value} (in-memory evaluation: templates, paths, functions, computed parameters,
 * conditions), {@code action} (the 14 actions, find-by translation, aggregate arithmetic, optimistic retries),
 * {@code monitor} (monitor-log builders).
 *
 * <p>Deviations from the reference (the [RB] items of the spec), each deliberate:
 * <ul>
 *   <li>cascade generations beyond {@code Settings.pipelines().cascadeLimit()} are refused with an ERROR log;</li>
 *   <li>a compile error logs that pipeline as ERROR and the queue continues (the reference aborts silently);</li>
 *   <li>a missing {@code raw_pipeline_monitor_log} topic is a warning logged once per tenant, not an abort;</li>
 *   <li>a failing unit marks its stage ERROR; unit logs carry {@code prerequisiteDefinedAs};</li>
 *   <li>unitId, unit name and actionId may be null;</li>
 *   <li>trailing template text is kept as text (no "None"); {@code prefix{&now}} keeps its prefix;</li>
 *   <li>{@code &now} is never frozen at compile time; date-function arguments are trimmed;</li>
 *   <li>find-by {@code {x.&length}} is the length, not its digit count;</li>
 *   <li>avg counters of an update are merged into {@code aggregate_assist_}, not replacing it;</li>
 *   <li>copy-to-memory of a null constant stores null;</li>
 *   <li>step errors are "Kind[CODE]: message" (no Python stack trace).</li>
 * </ul>
 */
package io.watchmen.core.kernel;
