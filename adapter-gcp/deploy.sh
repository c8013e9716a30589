#!/usr/bin/env bash
# Deploys the Cloud Storage-triggered function (2nd gen). See docs/gcp.md; run after `mvn -pl adapter-gcp -am package`.
# Required: BUCKET, REGION, META_JDBC_URL, META_PASSWORD_SECRET (a Secret Manager secret name); optional:
# CONNECTOR (Serverless VPC Access connector), MAX_INSTANCES.
set -euo pipefail
cd "$(dirname "$0")"
STAGE=target/deploy
rm -rf "$STAGE" && mkdir -p "$STAGE" && cp target/watchmen-gcp-function.jar "$STAGE/"

args=(
  --gen2 --runtime=java17 --region="$REGION" --source="$STAGE"
  --entry-point=io.watchmen.gcp.GcsFinalizedFunction
  --trigger-event-filters="type=google.cloud.storage.object.v1.finalized"
  --trigger-event-filters="bucket=$BUCKET"
  --retry
  --memory=1Gi --timeout=120s
  --max-instances="${MAX_INSTANCES:-20}" --concurrency=1
  --set-env-vars="WATCHMEN_META_JDBC_URL=$META_JDBC_URL,META_STORAGE_USER_NAME=${META_USER:-watchmen},WATCHMEN_POOL_MAX_SIZE=2,IN_SERVERLESS_PLATFORM=true"
  --set-secrets="META_STORAGE_PASSWORD=$META_PASSWORD_SECRET:latest"
)
if [ -n "${CONNECTOR:-}" ]; then
  args+=(--vpc-connector="$CONNECTOR" --egress-settings=private-ranges-only)
fi
gcloud functions deploy watchmen-gcs-trigger "${args[@]}"
