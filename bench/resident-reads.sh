#!/usr/bin/env bash
# Resident reads at full scale: wrk (2 threads, 32 connections, after a warm-up run) against the packaged app, with
# signed-in residents each reading a random account of their own; then pgbench -M prepared running the same SQL the
# endpoint issues, on the same database, and the ratio app req/s ÷ pgbench tps. Usage:
#   bench/resident-reads.sh                     # needs the full-scale dataset in $DB (bench/generate-vs-psql-copy.sh)
#   RESIDENTS=2000 DURATION=30s bench/resident-reads.sh
#   ENDPOINTS=monthly JAVA_OPTS=-XX:StartFlightRecording=filename=bench/out/app.jfr bench/resident-reads.sh  # profile one
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${DB:-gridcare_bench}
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
REDIS_DB=${REDIS_DB:-7}
RESIDENTS=${RESIDENTS:-2000}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-15s}
PORT=${PORT:-8089}
OUT=bench/out
export PGHOST PGPORT PGUSER
mkdir -p "$OUT"

customers=$(psql -d "$DB" -tAc "select count(*) from customer")
[ "$customers" -ge 1000000 ] || { echo "$DB holds $customers customers: load the full scale first" >&2; exit 1; }
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

# Residents are created by signing in through the API, so resident ids are 1..N in sign-in order; resident i binds
# the customer with id 1 + (i * 7919) mod N_customers (account number 03 + 8 digits of that id), which lets pgbench
# pick the same (resident, account) pairs without a lookup of its own.
psql -qd "$DB" -c "truncate account_binding, contact_preference, repair_ticket_event, repair_ticket, outbox_message, \
  wechat_user, resident restart identity cascade"
redis-cli -n "$REDIS_DB" flushdb > /dev/null
# A storm: 80 current unplanned outages and 40 planned ones in the coming days, each on one feeder.
psql -qd "$DB" <<'SQL'
delete from outage;
with feeders as (select id, row_number() over (order by id) as n, count(*) over () as total from feeder),
     storm as (
       insert into outage (kind, status, cause, description, starts_at, estimated_restore_at, published_at)
       select case when g <= 80 then 'UNPLANNED' else 'PLANNED' end, 'PUBLISHED',
              case when g <= 80 then 'TYPHOON' else 'MAINTENANCE' end, 'benchmark outage ' || g,
              case when g <= 80 then now() - interval '1 hour' else now() + (g % 10 + 1) * interval '1 day' end,
              case when g <= 80 then now() + interval '5 hours' else now() + (g % 10 + 1) * interval '1 day' + interval '6 hours' end,
              now() - interval '1 hour'
         from generate_series(1, 120) g
       returning id)
insert into outage_scope (outage_id, feeder_id)
select s.id, f.id from storm s join feeders f on f.n = 1 + (s.id * 37) % f.total;
SQL

. bench/production-env.sh
export QUARKUS_HTTP_PORT=$PORT
# The benchmark signs residents in without an SMS provider: the demo switch returns the code in the response.
export GRIDCARE_AUTH_EXPOSE_SMS_CODE=true
# Production needs an SMS provider: the dispatch benchmark's fakes take every message (the codes come back in the
# response).
java bench/FakeProviders.java 8099 18097 0 > /dev/null 2>&1 &
sms=$!
export GRIDCARE_SMS_BASE_URL=http://127.0.0.1:8099/sms GRIDCARE_SMS_API_KEY=bench
java -Xmx1g ${JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar > "$OUT/resident-reads-app.log" 2>&1 &
app=$!
trap 'kill $app $sms 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "localhost:$PORT/q/health/ready" > /dev/null && break; sleep 1; done

echo "== signing in $RESIDENTS residents and binding one account each"
: > "$OUT/sessions.tsv"
psql -d "$DB" -tA -F ' ' -c "select i, c.account_no, right(c.mobile, 4) from generate_series(1, $RESIDENTS) i
  join customer c on c.id = 1 + (i * 7919) % $customers order by i" > "$OUT/bindings.txt"
while read -r i account last4; do
  mobile=$(printf '170%08d' "$i")
  ip="10.$((i / 65536 % 256)).$((i / 256 % 256)).$((i % 256))"
  code=$(curl -sf -H "X-Forwarded-For: $ip" -H 'Content-Type: application/json' \
    -d "{\"mobile\":\"$mobile\"}" "localhost:$PORT/api/v1/auth/sms-codes" | sed -E 's/.*"code":"([0-9]+)".*/\1/')
  token=$(curl -sf -H 'Content-Type: application/json' -d "{\"mobile\":\"$mobile\",\"code\":\"$code\"}" \
    "localhost:$PORT/api/v1/auth/sessions" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
  curl -sf -o /dev/null -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"accountNo\":\"$account\",\"mobileLast4\":\"$last4\"}" "localhost:$PORT/api/v1/me/accounts"
  printf '%s\t%s\n' "$token" "$account" >> "$OUT/sessions.tsv"
done < "$OUT/bindings.txt"

# The SQL each endpoint issues: the ownership check (bench/sql/access.sql), then the endpoint's own query; the outage
# endpoint answers from its Redis cache after the first read of an account, pgbench runs its uncached query.
month_start=$(TZ=Asia/Shanghai date +%Y-%m-01)
last_month=$(TZ=Asia/Shanghai date -d "$month_start -1 month" +%F)
first_month=$(TZ=Asia/Shanghai date -d "$month_start -24 months" +%F)
now=$(date -u +%FT%TZ)
horizon=$(date -u -d '+14 days' +%FT%TZ)

summary="$OUT/resident-reads.txt"
: > "$summary"
for endpoint in ${ENDPOINTS:-monthly latest-bill outages}; do
  echo "== $endpoint: warm-up $WARMUP, then $DURATION"
  ENDPOINT=$endpoint wrk -t2 -c32 -d"$WARMUP" -s bench/resident-reads.lua "http://localhost:$PORT" > /dev/null
  app_line=$(ENDPOINT=$endpoint wrk -t2 -c32 -d"$DURATION" --latency -s bench/resident-reads.lua \
    "http://localhost:$PORT" | tee "$OUT/wrk-$endpoint.txt" | grep '^RESULT')
  cat bench/sql/access.sql "bench/sql/$endpoint.sql" > "$OUT/pgbench-$endpoint.sql"
  pg_out=$(pgbench -n -M prepared -c 32 -j 2 -T "${DURATION%s}" -D residents="$RESIDENTS" -D customers="$customers" \
    -D first_month="$first_month" -D last_month="$last_month" -D now="$now" -D horizon="$horizon" \
    -f "$OUT/pgbench-$endpoint.sql" "$DB" 2>&1 | tee "$OUT/pgbench-$endpoint.txt")
  tps=$(echo "$pg_out" | sed -nE 's/^tps = ([0-9.]+).*/\1/p' | head -1)
  rps=$(echo "$app_line" | sed -E 's/.*rps=([0-9]+).*/\1/')
  ratio=$(awk -v a="$rps" -v b="$tps" 'BEGIN { printf "%.2f", a / b }')
  echo "$endpoint $app_line pgbench_tps=$tps ratio=$ratio" | tee -a "$summary"
done
