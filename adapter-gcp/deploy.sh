#!/usr/bin/env bash
# Deploys the Cloud Storage-triggered function (2nd gen) and the hourly purge of the delivery ledger (an HTTP
# function that a Cloud Scheduler job calls). See docs/gcp.md; run after `mvn -pl adapter-gcp -am package`.
# Required: BUCKET, REGION, META_JDBC_URL, META_PASSWORD_SECRET (a Secret Manager secret name), SCHEDULER_SA (e-mail
# of the service account the scheduler job calls the purge function as); optional: CONNECTOR (Serverless VPC Access
# connector), MAX_INSTANCES, META_USER, LEDGER_RETENTION_HOURS (default 192, at least 6).
set -euo pipefail
cd "$(dirname "$0")"
STAGE=target/deploy
rm -rf "$STAGE" && mkdir -p "$STAGE" && cp target/watchmen-gcp-function.jar "$STAGE/"

common=(
  --gen2 --runtime=java17 --region="$REGION" --source="$STAGE"
  --set-secrets="META_STORAGE_PASSWORD=$META_PASSWORD_SECRET:latest"
)
if [ -n "${CONNECTOR:-}" ]; then
  common+=(--vpc-connector="$CONNECTOR" --egress-settings=private-ranges-only)
fi
# gcloud splits --set-env-vars on commas, and a JDBC URL may hold some (several hosts, sessionVariables=a=1,b=2):
# the list goes with gcloud's own alternate delimiter (`gcloud topic escaping`), refused if a value contains it.
DELIM='|~|'
env_vars() {
  local joined="" pair
  for pair in "$@"; do
    if [[ "$pair" == *"$DELIM"* ]]; then
      echo "deploy.sh: the value of ${pair%%=*} contains '$DELIM', which this script uses to separate" \
        "environment variables" >&2
      exit 2
    fi
    joined+="${joined:+$DELIM}$pair"
  done
  printf '^%s^%s' "$DELIM" "$joined"
}
database=("WATCHMEN_META_JDBC_URL=$META_JDBC_URL" "META_STORAGE_USER_NAME=${META_USER:-watchmen}")
# assigned first: set -e stops here on a refused value, not inside a gcloud argument
trigger_env=$(env_vars "${database[@]}" WATCHMEN_POOL_MAX_SIZE=2 IN_SERVERLESS_PLATFORM=true)
purge_env=$(env_vars "${database[@]}" WATCHMEN_POOL_MAX_SIZE=1 \
  "WATCHMEN_LEDGER_RETENTION_HOURS=${LEDGER_RETENTION_HOURS:-192}")

gcloud functions deploy watchmen-gcs-trigger "${common[@]}" \
  --entry-point=io.watchmen.gcp.GcsFinalizedFunction \
  --trigger-event-filters="type=google.cloud.storage.object.v1.finalized" \
  --trigger-event-filters="bucket=$BUCKET" \
  --retry \
  --memory=1Gi --timeout=120s \
  --max-instances="${MAX_INSTANCES:-20}" --concurrency=1 \
  --set-env-vars="$trigger_env"

# The delivery ledger's upkeep (docs/operations.md, "Ledger retention"): no public access; one instance; the job
# POSTs every hour with an OIDC token of $SCHEDULER_SA, the only invoker.
gcloud functions deploy watchmen-ledger-purge "${common[@]}" \
  --entry-point=io.watchmen.gcp.LedgerPurgeFunction \
  --trigger-http --no-allow-unauthenticated \
  --memory=512Mi --timeout=300s \
  --max-instances=1 --concurrency=1 \
  --set-env-vars="$purge_env"
gcloud functions add-invoker-policy-binding watchmen-ledger-purge --region="$REGION" \
  --member="serviceAccount:$SCHEDULER_SA"
purge_url=$(gcloud functions describe watchmen-ledger-purge --gen2 --region="$REGION" \
  --format='value(serviceConfig.uri)')
job=(
  watchmen-ledger-purge --location="$REGION"
  --schedule="0 * * * *" --time-zone=Etc/UTC
  --uri="$purge_url" --http-method=POST --attempt-deadline=320s
  --oidc-service-account-email="$SCHEDULER_SA" --oidc-token-audience="$purge_url"
)
if gcloud scheduler jobs describe watchmen-ledger-purge --location="$REGION" >/dev/null 2>&1; then
  gcloud scheduler jobs update http "${job[@]}"
else
  gcloud scheduler jobs create http "${job[@]}"
fi
