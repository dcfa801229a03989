#!/usr/bin/env bash
# Outage detection from fault reports: a storm of repair reports replayed through the HTTP API of the packaged app on
# a generated utility (scale 0.1, made in $DB when missing). STORM: AREAS transformer areas get PER_AREA reports each
# from distinct customers, interleaved, RATE reports a second; detection opens a suspected outage at the 3rd
# (gridcare.outage-detection.reports). Measured per area: from the moment the 3rd report was sent to the first
# response showing the suspected outage exists (a report linked to it; the outage commits before that response), and
# to the outage's created_at. THIN: the same number of reports, one per area in as many other areas: none may open
# anything. Usage:
#   bench/outage-detection.sh
#   AREAS=100 PER_AREA=5 RATE=50 bench/outage-detection.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${DB:-gridcare_sim}
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
REDIS_DB=${REDIS_DB:-3}
AREAS=${AREAS:-40}
PER_AREA=${PER_AREA:-5}
RATE=${RATE:-20}
PORT=${PORT:-18395}
SMS_PORT=${SMS_PORT:-18398}
OUT=bench/out
export PGHOST PGPORT PGUSER
mkdir -p "$OUT"

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
. bench/production-env.sh
if ! psql -d postgres -tAc "select 1 from pg_database where datname = '$DB'" | grep -q 1; then
  echo "== generating a utility (scale 0.1) in $DB"
  createdb "$DB"
  java -jar target/quarkus-app/quarkus-run.jar generate --scale 0.1 --seed 1 --as-of 2026-11-30 \
    > "$OUT/outage-detection-generate.log" 2>&1
fi

echo "== clean slate: no residents, tickets, outages or signals"
psql -qd "$DB" -v ON_ERROR_STOP=1 -c "truncate account_binding, contact_preference, repair_ticket_event, repair_ticket, \
  outbox_message, wechat_user, resident, outage_signal restart identity cascade" -c "delete from outage"
redis-cli -n "$REDIS_DB" flushdb > /dev/null

# STORM areas have PER_AREA customers with a mobile, reporting round-robin over the areas (the 1st report of every
# area, then the 2nd, ...); THIN areas are others, one customer each. Deterministic by id.
total=$((AREAS * PER_AREA))
psql -d "$DB" -tA -F $'\t' -v ON_ERROR_STOP=1 > "$OUT/outage-detection-plan.tsv" <<SQL
with reachable as (
       select id, account_no, right(mobile, 4) as last4, transformer_area_id as area,
              row_number() over (partition by transformer_area_id order by id) as k
         from customer where mobile is not null and transformer_area_id is not null),
     storm as (
       select area from reachable group by area having count(*) >= $PER_AREA order by md5(area::text) limit $AREAS),
     thin as (
       select area from reachable where area not in (select area from storm) group by area
        order by md5(area::text) limit $total)
select 'storm', r.area, r.account_no, r.last4 from reachable r join storm using (area)
 where r.k <= $PER_AREA order by r.k, md5(r.area::text);
SQL
psql -d "$DB" -tA -F $'\t' -v ON_ERROR_STOP=1 >> "$OUT/outage-detection-plan.tsv" <<SQL
with reachable as (
       select id, account_no, right(mobile, 4) as last4, transformer_area_id as area,
              row_number() over (partition by transformer_area_id order by id) as k
         from customer where mobile is not null and transformer_area_id is not null),
     storm as (
       select area from reachable group by area having count(*) >= $PER_AREA order by md5(area::text) limit $AREAS)
select 'thin', r.area, r.account_no, r.last4 from reachable r
 where r.k = 1 and r.area not in (select area from storm) order by md5(r.area::text) limit $total;
SQL
echo "plan: $(grep -c ^storm "$OUT/outage-detection-plan.tsv") storm reports in $AREAS areas," \
  "$(grep -c ^thin "$OUT/outage-detection-plan.tsv") thin reports, one per area"

export QUARKUS_HTTP_PORT=$PORT
# Residents sign in without an SMS provider to read the code from: the demo switch returns it in the response.
export GRIDCARE_AUTH_EXPOSE_SMS_CODE=true
# every SMS goes to the fake providers of the dispatch benchmark (they answer at once)
java bench/FakeProviders.java "$SMS_PORT" 18399 0 > /dev/null 2>&1 &
sms=$!
export GRIDCARE_SMS_BASE_URL="http://127.0.0.1:$SMS_PORT/sms" GRIDCARE_SMS_API_KEY=bench
java -Xmx1g ${JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar > "$OUT/outage-detection-app.log" 2>&1 &
app=$!
trap 'kill $app $sms 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -sf "localhost:$PORT/q/health/ready" > /dev/null && break; sleep 1; done
curl -sf "localhost:$PORT/q/health/ready" > /dev/null || { echo "the app is not ready: $OUT/outage-detection-app.log" >&2; exit 1; }

python3 bench/fault-storm.py "$PORT" "$OUT/outage-detection-plan.tsv" "$OUT/outage-detection-reports.tsv" "$RATE"

summary="$OUT/outage-detection.txt"
psql -d "$DB" -v ON_ERROR_STOP=1 <<SQL | tee "$summary"
create temp table report (phase text, area int, account_no text, sent float8, done float8, http int, status text,
                          outage_id text);
\copy report from '$OUT/outage-detection-reports.tsv'
create temp table suspected as
  select s.transformer_area_id as area, o.id, extract(epoch from o.created_at) as created
    from outage o join outage_scope s on s.outage_id = o.id where o.status = 'SUSPECTED';
-- per storm area: when its 3rd report was sent, and the first response linked to the area's suspected outage
create temp table detection as
  select r.area, (array_agg(r.sent order by r.sent))[3] as third_sent,
         min(r.done) filter (where r.outage_id = s.id::text) as linked_done, s.created, count(s.id) > 0 as opened
    from report r left join suspected s using (area)
   where r.phase = 'storm' group by r.area, s.id, s.created;
select phase, count(*) as reports, count(*) filter (where http not in (200, 201)) as failed,
       count(distinct area) as areas, count(*) filter (where status = 'LINKED') as linked,
       round((percentile_cont(0.5) within group (order by done - sent) * 1000)::numeric, 1) as p50_ms,
       round((percentile_cont(0.95) within group (order by done - sent) * 1000)::numeric, 1) as p95_ms
  from report group by phase order by phase;
select (select count(*) from suspected where area in (select area from report where phase = 'storm'))
         as storm_suspected_outages,
       (select count(*) from (select area from suspected group by area having count(*) > 1) x)
         as areas_with_more_than_one,
       (select count(*) from suspected where area in (select area from report where phase = 'thin'))
         as thin_suspected_outages;
select count(*) as areas_opened,
       round((percentile_cont(0.5) within group (order by linked_done - third_sent) * 1000)::numeric, 1)
         as third_report_to_known_p50_ms,
       round((percentile_cont(0.95) within group (order by linked_done - third_sent) * 1000)::numeric, 1)
         as p95_ms,
       round((max(linked_done - third_sent) * 1000)::numeric, 1) as max_ms,
       round((percentile_cont(0.5) within group (order by created - third_sent) * 1000)::numeric, 1)
         as third_report_to_created_p50_ms
  from detection where opened;
SQL
