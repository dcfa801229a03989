#!/usr/bin/env bash
# The operations dashboard at full scale: a full refresh of every rollup (POST /api/v1/staff/dashboard/refresh, its
# per-view times and the wall time), then p50/p95 of each chart endpoint, cold and warm, for an administrator (the
# whole utility), a supervisor (one district) and one grid area. Reads only: no row of the dataset is changed (the
# app's migration adds the dashboard's views and rollup tables; staff tokens are signed here with the bench key, no password is set).
#   DB=gridcare_full bench/dashboard.sh
#   REPEATS=200 DB=gridcare_full bench/dashboard.sh
#   REFRESH_ONLY=1 bench/dashboard.sh          # the refresh alone
# Cold: the first request of each endpoint after the app started and the rollups were refreshed (JIT, the connection's
# statement cache and PostgreSQL's buffers of the rebuilt rollups cold), each of 10 distinct filters once (a new
# statement each time). Warm: REPEATS requests of one filter after a warm-up of 20.
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${DB:-gridcare_full}
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
REDIS_DB=${REDIS_DB:-12}
PORT=${PORT:-8091}
REPEATS=${REPEATS:-200}
OUT=bench/out
export PGHOST PGPORT PGUSER
mkdir -p "$OUT"

customers=$(psql -d "$DB" -tAc "select count(*) from customer")
[ "$customers" -ge 1000000 ] || { echo "$DB holds $customers customers: load the full scale first" >&2; exit 1; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

. bench/production-env.sh
export QUARKUS_HTTP_PORT=$PORT GRIDCARE_SMS_ENABLED=false
# The shared database may hold other branches' migrations: apply ours beside them, do not refuse theirs.
export QUARKUS_FLYWAY_OUT_OF_ORDER=true QUARKUS_FLYWAY_IGNORE_MIGRATION_PATTERNS='*:missing,*:future'
# The bench measures the refresh itself: no scheduled one in between.
export GRIDCARE_DASHBOARD_REFRESH_EVERY=off
started=$(date +%s)
java -Xmx1g ${JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar > "$OUT/dashboard-app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
# the first start migrates: V21 fills the views once (a minute or two at full scale)
for _ in $(seq 1 600); do curl -sf "localhost:$PORT/q/health/ready" > /dev/null && break; sleep 1; done
curl -sf "localhost:$PORT/q/health/ready" > /dev/null || { echo "the app did not start: $OUT/dashboard-app.log" >&2; exit 1; }
echo "== ready after $(( $(date +%s) - started )) s"

# A staff token as StaffTokens issues it, signed with the bench's key (bench/production-env.sh): no password is set.
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
token() { # id staffNo group [districtId]
  local now header payload district=""
  now=$(date +%s)
  [ -n "${4:-}" ] && district=",\"districtId\":$4"
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"iss":"%s","sub":"staff:%s","upn":"%s","groups":["%s"],"staffNo":"%s","name":"bench","csrf":"bench","iat":%s,"exp":%s%s}' \
    "$ISSUER" "$1" "$2" "$3" "$2" "$now" "$((now + 7200))" "$district" | b64url)
  printf '%s.%s.%s' "$header" "$payload" "$(printf '%s.%s' "$header" "$payload" \
    | openssl dgst -sha256 -sign src/main/resources/dev-keys/resident-signing.pem | b64url)"
}
ISSUER=${GRIDCARE_AUTH_ISSUER:-https://gridcare/residents}   # auth.AuthConfig's default
read -r admin_id admin_no < <(psql -d "$DB" -tA -F ' ' -c "select id, staff_no from staff where role = 'ADMIN' order by id limit 1")
read -r sup_id sup_no sup_district < <(psql -d "$DB" -tA -F ' ' -c \
  "select id, staff_no, district_id from staff where role = 'SUPERVISOR' order by id limit 1")
area=$(psql -d "$DB" -tAc "select g.code from grid_area g join customer c on c.grid_area_id = g.id
  group by g.code order by count(*) desc limit 1")
ADMIN=$(token "$admin_id" "$admin_no" admin)
SUPERVISOR=$(token "$sup_id" "$sup_no" supervisor "$sup_district")
curl -sf -o /dev/null -H "Authorization: Bearer $ADMIN" "localhost:$PORT/api/v1/staff/dashboard/collection" \
  || { echo "the bench token was refused (issuer $ISSUER?)" >&2; exit 1; }

summary="$OUT/dashboard.txt"
: > "$summary"
echo "== full refresh" | tee -a "$summary"
t0=$(date +%s%N)
curl -sf -X POST -H "Authorization: Bearer $ADMIN" "localhost:$PORT/api/v1/staff/dashboard/refresh" > "$OUT/dashboard-refresh.json"
echo "refresh wall $(( ($(date +%s%N) - t0) / 1000000 )) ms: $(cat "$OUT/dashboard-refresh.json")" | tee -a "$summary"
for rollup in $(psql -d "$DB" -tAc "select view_name from dashboard_refresh order by view_name"); do
  psql -d "$DB" -tA -F ' ' -c "select '$rollup', count(*), pg_size_pretty(pg_total_relation_size('$rollup')) from $rollup"
done | sed 's/^/  rollup (rows, size): /' | tee -a "$summary"
[ -z "${REFRESH_ONLY:-}" ] || exit 0

# p50 and p95 (nearest rank) of the times in milliseconds on stdin
percentiles() { sort -n | awk '{ t[NR] = $1 } END { p50 = t[int((NR * 50 + 99) / 100)]; p95 = t[int((NR * 95 + 99) / 100)];
  printf "n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms\n", NR, p50, p95, t[NR] }'; }
time_ms() { # token url [accept]
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $1" -H "Accept: ${3:-application/json}" "$2" \
    | awk '$1 != 200 { print "HTTP " $1 > "/dev/stderr"; exit 1 } { printf "%.3f\n", $2 * 1000 }'
}

charts="consumption collection arrears payment-channels outages escalations"
# distinct filters for the cold requests: the whole utility, a district, months, voltage class, tariff, a grid area
cold_filters=("" "district=1" "district=2&voltageClass=LV" "from=2026-01&to=2026-06" "tariff=RES_TIERED"
  "voltageClass=HV" "gridArea=$area" "district=3&tariff=RES_TOU" "from=2026-03" "district=4&from=2026-05&to=2026-10")
echo "== cold: each endpoint's first ${#cold_filters[@]} requests after start and refresh, each filter once" | tee -a "$summary"
for chart in $charts; do
  for filter in "${cold_filters[@]}"; do
    time_ms "$ADMIN" "localhost:$PORT/api/v1/staff/dashboard/$chart?$filter"
  done | percentiles | sed "s/^/  $chart admin cold /" | tee -a "$summary"
done
echo "== warm: $REPEATS requests of one filter after 20 warm-up requests" | tee -a "$summary"
for who in admin supervisor area csv; do
  for chart in $charts; do
    case $who in
      admin) tok=$ADMIN; url="localhost:$PORT/api/v1/staff/dashboard/$chart"; accept=application/json ;;
      supervisor) tok=$SUPERVISOR; url="localhost:$PORT/api/v1/staff/dashboard/$chart"; accept=application/json ;;
      area) tok=$ADMIN; url="localhost:$PORT/api/v1/staff/dashboard/$chart?gridArea=$area"; accept=application/json ;;
      csv) tok=$ADMIN; url="localhost:$PORT/api/v1/staff/dashboard/$chart"; accept=text/csv ;;
    esac
    for _ in $(seq 1 20); do time_ms "$tok" "$url" "$accept" > /dev/null; done
    for _ in $(seq 1 "$REPEATS"); do time_ms "$tok" "$url" "$accept"; done \
      | percentiles | sed "s/^/  $chart $who warm /" | tee -a "$summary"
    done
done
echo "== load during the run: $(cat /proc/loadavg)" | tee -a "$summary"
