#!/usr/bin/env bash
# Reminder planning over the whole population: on a full-scale utility (generate --scale 1.0 --as-of 2026-11-30, here
# gridcare_full, not regenerated), every customer's latest bill (period LATEST) is made open and due in 3 days from
# today in the utility's time zone, so each one is a DUE_SOON candidate; older open bills keep their dates and come in
# as OVERDUE or ARREARS where their step is due. The script first undoes earlier runs (reminder and reminder_no_contact
# rows, the outbox rows written under 'reminder:' keys, what the recommender learned), so it can be rerun as is;
# KEEP=1 undoes nothing: the plan then shows what planning again adds (nothing the same day); PAID=1 (with KEEP=1)
# first marks the planned messages sent and pays every bill decided, so the plan settles every decision and learns. It starts the packaged app,
# sets an administrator's password and signs in, trains the risk model once if there is none (minutes at full scale),
# then times one POST /api/v1/staff/reminders/plans and samples the JVM's resident set meanwhile. Usage:
#   ./mvnw -q package -DskipTests && bench/reminder-plan.sh
#   DB=gridcare_full PORT=8097 REDIS_DB=7 HEAP=4g LATEST=2026-10-01 bench/reminder-plan.sh   # the defaults
#   KEEP=1 bench/reminder-plan.sh                                                             # plan again
#   KEEP=1 PAID=1 bench/reminder-plan.sh                                                      # settle them all
#   JAVA_OPTS="-XX:StartFlightRecording=filename=bench/out/plan.jfr" bench/reminder-plan.sh  # with a JFR recording
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${DB:-gridcare_full}
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
REDIS_DB=${REDIS_DB:-7}
PORT=${PORT:-8097}
HEAP=${HEAP:-4g}
LATEST=${LATEST:-2026-10-01}
KEEP=${KEEP:-0}
PAID=${PAID:-0}
OUT=bench/out
export PGHOST PGPORT PGUSER
mkdir -p "$OUT"

[ -f target/quarkus-app/quarkus-run.jar ] || { echo "build first: ./mvnw -q package -DskipTests" >&2; exit 1; }
redis-cli -n "$REDIS_DB" flushdb > /dev/null

. bench/production-env.sh
# No SMS provider here: the service runs with sign-in by SMS switched off (production refuses to start otherwise).
export GRIDCARE_SMS_ENABLED=false
# Only the request plans: no daily schedule, no weekly retraining, and no dispatcher sending the plan's outbox.
settings=(-Dgridcare.reminders.schedule=off -Dgridcare.risk.schedule=off -Dgridcare.outbox.interval=off
  -Dgridcare.dashboard.refresh-every=off)
sql() { psql -qAtd "$DB" -v ON_ERROR_STOP=1 "$@"; }

echo "== an administrator with a password"
admin=$(sql -c "select staff_no from staff where role = 'ADMIN' order by id limit 1")
password="bench admin password $(date +%s)"
(umask 077; printf '%s\n' "$password" > "$OUT/reminder-plan-admin.txt")
java "${settings[@]}" -jar target/quarkus-app/quarkus-run.jar staff-password --staff-no "$admin" \
  --password-file "$OUT/reminder-plan-admin.txt" > "$OUT/reminder-plan-password.log" 2>&1 \
  || { cat "$OUT/reminder-plan-password.log" >&2; exit 1; }
rm -f "$OUT/reminder-plan-admin.txt"

java -Xmx"$HEAP" ${JAVA_OPTS:-} "${settings[@]}" -Dquarkus.http.port="$PORT" \
  -jar target/quarkus-app/quarkus-run.jar > "$OUT/reminder-plan-app.log" 2>&1 &
app=$!
trap 'kill $app ${sampler:-} 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "localhost:$PORT/q/health/ready" > /dev/null && break; sleep 1; done
curl -sf "localhost:$PORT/q/health/ready" > /dev/null || { echo "the app did not start" >&2; exit 1; }
token=$(curl -sf -H 'Content-Type: application/json' \
  -d "{\"staffNo\":\"$admin\",\"password\":\"$password\"}" "localhost:$PORT/api/v1/staff/sessions" \
  | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
auth=(-H "Authorization: Bearer $token")

if ! curl -sf "${auth[@]}" "localhost:$PORT/api/v1/staff/risk/models/current" > /dev/null; then
  echo "== no risk model yet: training one (minutes at full scale)"
  /usr/bin/time -f '  trained in %e s' curl -sf -X POST "${auth[@]}" "localhost:$PORT/api/v1/staff/risk/models" \
    > "$OUT/reminder-plan-risk.json"
fi

if [ "$KEEP" = 1 ]; then
  echo "== earlier runs kept"
  updated=0
  if [ "$PAID" = 1 ]; then
    echo "== the planned messages sent, every bill decided paid"
    sql <<SQL
update outbox_message set status = 'SENT', sent_at = now() where idempotency_key like 'reminder:%' and status <> 'SENT';
update bill set status = 'PAID', paid_amount = total_amount, settled_at = now()
 where status <> 'PAID' and id in (select bill_id from reminder union select bill_id from reminder_no_contact);
SQL
    sql -c "vacuum (analyze) bill" -c "vacuum (analyze) outbox_message"
  fi
else
echo "== every customer's $LATEST bill open and due in 3 days; earlier runs undone"
today=$(TZ=Asia/Shanghai date +%F)
updated=$(sql <<SQL | tail -1
delete from contact_outcome where outbox_message_id in (select outbox_message_id from reminder);
delete from field_task where outbox_message_id in (select outbox_message_id from reminder);
delete from voice_call where outbox_message_id in (select outbox_message_id from reminder);
delete from reminder;
truncate reminder_no_contact;
delete from outbox_message where idempotency_key like 'reminder:%';
delete from channel_evidence;
delete from channel_response_model;
with opened as (
    update bill set status = 'UNPAID', paid_amount = 0, late_fee_paid = 0, settled_at = null,
                    due_date = date '$today' + 3
     where period = date '$LATEST'
       and (status <> 'UNPAID' or paid_amount <> 0 or late_fee_paid <> 0 or settled_at is not null
            or due_date <> date '$today' + 3)
    returning 1)
select count(*) from opened;
SQL
)
echo "  $updated bills changed"
fi
# the planner's query plans on fresh statistics; after a first run most of the table's latest month is new versions
if [ "$updated" -gt 0 ]; then sql -c "vacuum (analyze) bill"; fi
sql -c "vacuum (analyze) reminder" -c "vacuum (analyze) reminder_no_contact" -c "vacuum (analyze) outbox_message" \
    -c "analyze channel_evidence"
sql -c "select 'open bills by due date: ' || string_agg(due_date || ' ' || n, ', ' order by due_date desc)
          from (select due_date, count(*) n from bill where status <> 'PAID' group by 1 order by 1 desc limit 4) d"

echo "== planning"
size_before=$(sql -c "select pg_database_size(current_database())")
peak_file="$OUT/reminder-plan-rss.txt"
echo 0 > "$peak_file"
rss_before=$(awk '/^VmRSS/ { print $2 }' "/proc/$app/status")
(peak=0; while [ -r "/proc/$app/status" ]; do
   rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$app/status"); [ "${rss:-0}" -gt "$peak" ] && peak=$rss && echo "$peak" > "$peak_file"
   sleep 0.2
 done) &
sampler=$!
curl -sf -X POST "${auth[@]}" -w '\nwall_s=%{time_total}\n' "localhost:$PORT/api/v1/staff/reminders/plans" \
  | tee "$OUT/reminder-plan.json"
kill $sampler 2>/dev/null || true
size_after=$(sql -c "select pg_database_size(current_database())")
awk -v b="$rss_before" -v p="$(cat "$peak_file")" -v hwm="$(awk '/^VmHWM/ { print $2 }' "/proc/$app/status")" \
  'BEGIN { printf "JVM resident set: %.0f MiB before, peak %.0f MiB while planning (VmHWM over its life %.0f MiB)\n", b / 1024, p / 1024, hwm / 1024 }'
awk -v b="$size_before" -v a="$size_after" \
  'BEGIN { printf "database: %.2f GiB before, %.2f GiB after (+%.0f MiB)\n", b / 2^30, a / 2^30, (a - b) / 2^20 }'
decisions="(select step, channel_code, outcome from reminder
             union all select step, null, outcome from reminder_no_contact) m"
sql -c "select 'decisions by step: ' || string_agg(step || ' ' || n, ', ' order by step)
          from (select step, count(*) n from $decisions group by 1) s" \
    -c "select 'decisions by channel: ' || string_agg(channel || ' ' || n, ', ' order by n desc)
          from (select coalesce(channel_code, 'none') channel, count(*) n from $decisions group by 1) s" \
    -c "select 'decisions by outcome: ' || string_agg(outcome || ' ' || n, ', ' order by n desc)
          from (select coalesce(outcome, 'unsettled') outcome, count(*) n from $decisions group by 1) s" \
    -c "select 'outbox rows: ' || count(*) || ', linked: ' || (select count(*) from reminder where outbox_message_id is not null)
          from outbox_message where idempotency_key like 'reminder:%'" \
    -c "select 'table sizes: reminder ' || pg_size_pretty(pg_total_relation_size('reminder'))
              || ', reminder_no_contact ' || pg_size_pretty(pg_total_relation_size('reminder_no_contact'))
              || ', outbox_message ' || pg_size_pretty(pg_total_relation_size('outbox_message'))"
