/**
 * Google Cloud Functions (2nd gen) adapter: {@link io.watchmen.gcp.GcsFinalizedFunction} receives Cloud Storage
 * {@code object.v1.finalized} CloudEvents and reads exactly the generation that was written.
 */
package io.watchmen.gcp;
