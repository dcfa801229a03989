#!/usr/bin/env bash
# Outage notices at full scale: on the full-scale utility (gridcare_full: generate --scale 1.0 --seed 1
# --as-of 2026-11-30, made here when the database is missing, 16 minutes on this machine) an unplanned outage over the
# first feeders that together hold CUSTOMERS active customers is published, and while its fan-out runs it is edited
# (one more feeder, the estimate 30 minutes later) and published again. The packaged app writes the notices and sends
# them to local fake providers (bench/FakeProviders.java, each answer after DELAY_MS). Generated customers have no
# resident, so every notice is an SMS to the account's mobile. Publishing is SQL (the script holds no staff session):
# the rows as the staff API writes them, version bumped on each change; the app's catch-up run
# (gridcare.outage-notices.interval=1s, so up to 1 s after the commit) stands in for the OutageChanged event and runs
# the same fan-out. Prints the
# seconds from the publishing commit until every notice was in the outbox and until all were sent, the duplicates (per
# customer and notice, in the outbox and at the provider) and the losses. Rerunnable: earlier runs' outages and
# notices are removed first. Usage:
#   ./mvnw -q package -DskipTests && bench/outage-notices.sh
#   CUSTOMERS=50000 DELAY_MS=20 DB=gridcare_full REDIS_DB=2 bench/outage-notices.sh            # the defaults
#   OUTBOX_OPTS="-Dgridcare.outbox.concurrency=256" bench/outage-notices.sh    # the dispatcher's settings
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${DB:-gridcare_full}
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
REDIS_DB=${REDIS_DB:-2}
CUSTOMERS=${CUSTOMERS:-50000}
DELAY_MS=${DELAY_MS:-20}
FAKE_PORT=${FAKE_PORT:-18182}
SMTP_PORT=${SMTP_PORT:-12526}
PORT=${PORT:-8095}
HEAP=${HEAP:-2g}
OUT=bench/out
export PGHOST PGPORT PGUSER
mkdir -p "$OUT"

[ -f target/quarkus-app/quarkus-run.jar ] || { echo "build first: ./mvnw -q package -DskipTests" >&2; exit 1; }
redis-cli -n "$REDIS_DB" flushdb > /dev/null
sql() { psql -qAtd "$DB" -v ON_ERROR_STOP=1 "$@"; }
now() { date +%s.%N; }
. bench/production-env.sh

if ! psql -qAtd postgres -c "select 1 from pg_database where datname = '$DB'" | grep -q 1; then
  echo "== no $DB: generating the full-scale utility (about 16 minutes)"
  createdb "$DB"
  java -Xmx2g -jar target/quarkus-app/quarkus-run.jar generate --scale 1.0 --seed 1 --as-of 2026-11-30 \
    > "$OUT/outage-notices-generate.log" 2>&1
fi

export GRIDCARE_SMS_BASE_URL="http://127.0.0.1:$FAKE_PORT/sms" GRIDCARE_SMS_API_KEY=bench-sms-key
settings=(-Dgridcare.outage-notices.interval=1s -Dgridcare.outbox.interval=1s -Dgridcare.reminders.schedule=off
  -Dgridcare.risk.schedule=off -Dgridcare.dashboard.refresh-every=off ${OUTBOX_OPTS:-})

echo "== earlier runs removed"
sql <<SQL
delete from contact_outcome where outbox_message_id in
  (select id from outbox_message where topic = 'OUTAGE_NOTICE' and idempotency_key like 'outage:%');
delete from outbox_message where topic = 'OUTAGE_NOTICE' and idempotency_key like 'outage:%';
delete from outage where description = 'bench/outage-notices.sh';
vacuum analyze outbox_message;
SQL

feeders=$(sql -c "
  with f as (select feeder_id, count(*) n from customer where status = 'ACTIVE' group by 1),
       r as (select feeder_id, n, sum(n) over (order by feeder_id) running from f)
  select string_agg(feeder_id::text, ',' order by feeder_id) from r where running - n < $CUSTOMERS")
extra=$(sql -c "select min(feeder_id) from customer where feeder_id > all ('{$feeders}'::int[])")
affected=$(sql -c "select count(*) from customer where status = 'ACTIVE' and feeder_id = any ('{$feeders}')")
added=$(sql -c "select count(*) from customer where status = 'ACTIVE' and feeder_id = $extra")
echo "  $(echo "$feeders" | tr ',' '\n' | wc -l) feeders, $affected active customers; the edit adds feeder $extra ($added)"

java bench/FakeProviders.java "$FAKE_PORT" "$SMTP_PORT" "$DELAY_MS" > "$OUT/outage-notices-fake.log" 2>&1 &
fake=$!
java -Xmx"$HEAP" ${JAVA_OPTS:-} "${settings[@]}" -Dquarkus.http.port="$PORT" \
  -jar target/quarkus-app/quarkus-run.jar > "$OUT/outage-notices-app.log" 2>&1 &
app=$!
trap 'kill $fake $app 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -sf "localhost:$PORT/q/health/ready" > /dev/null && break; sleep 0.5; done
curl -sf "localhost:$PORT/q/health/ready" > /dev/null || { echo "the app did not start" >&2; exit 1; }
sleep 2
echo "  load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== publishing"
outage=$(sql <<SQL | tail -1
begin;
insert into outage (kind, status, cause, description, starts_at, estimated_restore_at, published_at)
values ('UNPLANNED', 'PUBLISHED', 'EQUIPMENT_FAULT', 'bench/outage-notices.sh', now() - interval '10 minutes',
        now() + interval '3 hours', now()) returning id \gset
insert into outage_scope (outage_id, feeder_id) select :id, unnest('{$feeders}'::int[]);
commit;
select :id;
SQL
)
published=$(now)
# the fan-out holds the advisory lock "gridoutn" (outagenotice.OutageNotices) while it writes
fanning="select count(*) from pg_locks where locktype = 'advisory' and classid = 1735551332 and objid = 1869968494"
for _ in $(seq 1 100); do [ "$(sql -c "$fanning")" -gt 0 ] && break; sleep 0.05; done
sleep 0.5
during=$(sql -c "$fanning")
sql <<SQL
begin;
insert into outage_scope (outage_id, feeder_id) values ($outage, $extra);
update outage set estimated_restore_at = estimated_restore_at + interval '30 minutes', version = version + 1,
                  updated_at = now() where id = $outage;
commit;
update outage set published_at = now(), version = version + 1, updated_at = now() where id = $outage;
SQL
edited=$(now)
echo "  outage $outage published; edited and published again $(awk -v a="$published" -v b="$edited" 'BEGIN { printf "%.1f", b - a }') s later, the fan-out $([ "$during" -gt 0 ] && echo "still running" || echo "already done")"

count="select count(*) from outbox_message where idempotency_key like 'outage:$outage:KNOWN:%'"
first_all=""
for _ in $(seq 1 1200); do
  n=$(sql -c "$count")
  [ -z "$first_all" ] && [ "$n" -ge "$affected" ] && first_all=$(now)
  [ "$n" -ge $((affected + added)) ] && break
  sleep 0.1
done
all_in=$(now)
left="select count(*) from outbox_message where idempotency_key like 'outage:$outage:%' and status in ('PENDING', 'SENDING', 'FAILED')"
for _ in $(seq 1 3000); do [ "$(sql -c "$left")" -eq 0 ] && break; sleep 0.2; done
echo "  load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== results"
awk -v p="$published" -v f="$first_all" -v a="$all_in" 'BEGIN {
  printf "  publish -> the %s first affected in the outbox: %.1f s\n", "'"$affected"'", f - p
  printf "  publish -> all, the edit'"'"'s feeder included, in the outbox: %.1f s\n", a - p }'
sql -F ' ' <<SQL | sed 's/^/  /'
select 'publish -> all sent:', round(extract(epoch from max(sent_at) - to_timestamp($published))::numeric, 1), 's;',
       'sending from first to last:', round(extract(epoch from max(sent_at) - min(sent_at))::numeric, 1), 's'
  from outbox_message where idempotency_key like 'outage:$outage:%';
select 'outbox by status and notice:', status, payload->'data'->>'notice', channel_code, count(*)
  from outbox_message where idempotency_key like 'outage:$outage:%' group by 2, 3, 4 order by 2, 3;
select 'rounds:', notice, round, messages, outage_version from outage_notice_round where outage_id = $outage
 order by written_at;
select 'duplicates in the outbox (customer and notice twice):', count(*) from (
  select customer_id from outbox_message where idempotency_key like 'outage:$outage:%'
   group by customer_id, payload->'data'->>'notice' having count(*) > 1) twice;
select 'lost (affected, reachable, no SENT notice):', count(*) from customer c
 where c.status = 'ACTIVE' and c.mobile is not null and c.feeder_id = any ('{$feeders,$extra}')
   and not exists (select 1 from outbox_message o where o.idempotency_key = 'outage:$outage:KNOWN:' || c.id
                      and o.status = 'SENT');
SQL
echo "  fake provider:"
curl -sf "localhost:$FAKE_PORT/stats" | sed 's/^/    /'
grep -h "OutageNotices" "$OUT/outage-notices-app.log" | sed 's/^/  app: /' | cut -c1-200
