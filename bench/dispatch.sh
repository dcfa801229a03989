#!/usr/bin/env bash
# Outbox dispatch: a small utility (generate --scale 0.01) in a fresh database, MESSAGES outage notices PENDING in the
# outbox spread over the channels that can be faked here (SMS, voice calls, WeChat template messages, e-mail), the
# packaged app sending them to local fake providers (bench/FakeProviders.java, each answer after DELAY_MS), and
# mid-batch, once KILL_AT messages are SENT, kill -9 of the app and a restart. Prints the rate from the first to the
# last send (outbox_message.sent_at), what each fake provider received (requests, distinct keys), losses, and how
# long the restart took to send again and to finish what the killed instance had claimed (its lease). Usage:
#   bench/dispatch.sh
#   MESSAGES=200000 KILL_AT=80000 DELAY_MS=20 CHANNELS="SMS VOICE_CALL WECHAT_TEMPLATE EMAIL" bench/dispatch.sh
#   KILL_AT=0 CHANNELS=SMS bench/dispatch.sh        # no kill: one channel's rate
#   OUTBOX_OPTS="-Dgridcare.outbox.concurrency=256" bench/dispatch.sh   # the dispatcher's settings (notify.OutboxConfig)
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${DB:-gridcare_dispatch}
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
REDIS_DB=${REDIS_DB:-3}
MESSAGES=${MESSAGES:-200000}
KILL_AT=${KILL_AT:-$((MESSAGES * 2 / 5))}
DELAY_MS=${DELAY_MS:-20}
CHANNELS=${CHANNELS:-SMS VOICE_CALL WECHAT_TEMPLATE EMAIL}
FAKE_PORT=${FAKE_PORT:-18181}
SMTP_PORT=${SMTP_PORT:-12525}
PORT=${PORT:-8093}
OUT=bench/out
APPID=wxbench00000000003
export PGHOST PGPORT PGUSER
mkdir -p "$OUT"

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
redis-cli -n "$REDIS_DB" flushdb > /dev/null
dropdb --if-exists "$DB" && createdb "$DB"

. bench/production-env.sh
# every provider is the fake one
export GRIDCARE_SMS_BASE_URL="http://127.0.0.1:$FAKE_PORT/sms" GRIDCARE_SMS_API_KEY=bench-sms-key
export GRIDCARE_VOICE_BASE_URL="http://127.0.0.1:$FAKE_PORT/voice" GRIDCARE_VOICE_API_KEY=bench-voice-key
export GRIDCARE_VOICE_CALLBACK_SECRET=bench-callback-secret
export QUARKUS_MAILER_HOST=127.0.0.1 QUARKUS_MAILER_PORT="$SMTP_PORT" QUARKUS_MAILER_MOCK=false
settings=(-Dwechat.accounts.bench.app-id=$APPID -Dwechat.accounts.bench.secret=bench-secret
  -Dwechat.accounts.bench.token=benchtoken -Dwechat.accounts.bench.aes-key=benchkey0123456789abcdefghijklmnopqrstuvwxA
  -Dwechat.accounts.bench.templates.outage-notice=tpl-bench-outage
  -Dwechat.api-base-url="http://127.0.0.1:$FAKE_PORT" -Dgridcare.outbox.interval=1s ${OUTBOX_OPTS:-})

java bench/FakeProviders.java "$FAKE_PORT" "$SMTP_PORT" "$DELAY_MS" > "$OUT/dispatch-fake.log" 2>&1 &
fake=$!
trap 'kill $fake ${app:-} 2>/dev/null || true' EXIT

echo "== a small utility in $DB"
java -jar target/quarkus-app/quarkus-run.jar generate --scale 0.01 --seed 1 --as-of 2026-11-30 > "$OUT/dispatch-generate.log" 2>&1

echo "== $MESSAGES outage notices PENDING on: $CHANNELS"
channel_array=$(printf "'%s'," $CHANNELS)
psql -qd "$DB" -v ON_ERROR_STOP=1 <<SQL
insert into wechat_user (appid, openid, subscribed, subscribed_at, last_interaction_at)
select '$APPID', 'obench' || id, true, now(), now() from customer;
create temp table c as select id, mobile, row_number() over (order by id) - 1 as i
                        from customer where mobile is not null;
analyze c;
insert into outbox_message (idempotency_key, channel_code, topic, customer_id, recipient, payload, status,
                            next_attempt_at)
select 'bench:outage:' || m, code, 'OUTAGE_NOTICE', c.id,
       case code when 'WECHAT_TEMPLATE' then 'obench' || c.id when 'EMAIL' then 'c' || c.id || '@bench.invalid'
                 else c.mobile end,
       jsonb_build_object('title', '计划停电通知', 'text', '您所在台区计划停电，编号 ' || m || '，请提前做好准备。',
                          'data', jsonb_build_object('notice', m)),
       'PENDING', now()
  from generate_series(0, $MESSAGES - 1) m
  cross join lateral (select (array[${channel_array%,}])[1 + m % $(echo $CHANNELS | wc -w)] as code) pick
  join c on c.i = m % (select count(*) from c);
vacuum analyze outbox_message;
SQL
psql -qAtd "$DB" -c "select channel_code, count(*) from outbox_message group by 1 order by 1" | sed 's/^/  /'

start() { # log
  java -Xmx1g ${JAVA_OPTS:-} "${settings[@]}" -Dquarkus.http.port="$PORT" -jar target/quarkus-app/quarkus-run.jar \
    > "$1" 2>&1 &
  app=$!
}
ready() {
  for _ in $(seq 1 600); do curl -sf "localhost:$PORT/q/health/ready" > /dev/null && return 0; sleep 0.1; done
  echo "the app did not start" >&2; return 1
}
sent() { psql -qAtd "$DB" -c "select count(*) from outbox_message where status = 'SENT'"; }
cpu_ticks() { # pids...: user + system CPU time so far, in clock ticks
  local total=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] && total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat")))
  done
  echo $total
}
pg_ticks() { cpu_ticks $(pgrep -x postgres || true); }
now() { date +%s.%N; }

left="select count(*) from outbox_message where status in ('PENDING', 'FAILED', 'SENDING')"
echo "== dispatching; kill -9 once $KILL_AT are SENT"
start "$OUT/dispatch-app-1.log"
ready
# CPU per message over the first instance's run, from when it was ready (the killed instance's PostgreSQL backends
# end with it)
ticks_ready="$(cpu_ticks "$app") $(pg_ticks) $(cpu_ticks "$fake") $(sent)"
if [ "$KILL_AT" -gt 0 ]; then
  while [ "$(sent)" -lt "$KILL_AT" ]; do sleep 0.2; done
else
  while [ "$(psql -qAtd "$DB" -c "$left")" -gt 0 ]; do sleep 0.2; done
fi
ticks_then="$(cpu_ticks "$app") $(pg_ticks) $(cpu_ticks "$fake") $(sent)"
killed_at=$(now)
if [ "$KILL_AT" -gt 0 ]; then
  kill -9 "$app"
  wait "$app" 2>/dev/null || true
  echo "  killed at $(sent) SENT; $(psql -qAtd "$DB" -c "select count(*) from outbox_message where status = 'SENDING'") left SENDING"
  start "$OUT/dispatch-app-2.log"
  ready
  ready_at=$(now)
  echo "  restarted, ready after $(awk -v a="$killed_at" -v b="$ready_at" 'BEGIN { printf "%.1f", b - a }') s"
fi
for _ in $(seq 1 3000); do [ "$(psql -qAtd "$DB" -c "$left")" -eq 0 ] && break; sleep 0.2; done
done_at=$(now)

echo "== results"
psql -qAtd "$DB" -F ' ' <<SQL | sed 's/^/  /'
select 'status', status, channel_code, count(*) from outbox_message group by status, channel_code order by 2, 3;
select 'attempts', attempts, count(*) from outbox_message group by attempts order by 2;
select 'rate_overall msg/s', round(count(*) / extract(epoch from max(sent_at) - min(sent_at))),
       'over', round(extract(epoch from max(sent_at) - min(sent_at)), 1), 's'
  from outbox_message where status = 'SENT';
select 'rate_before_kill msg/s', round(count(*) / nullif(extract(epoch from max(sent_at) - min(sent_at)), 0)),
       'messages', count(*) from outbox_message where status = 'SENT' and sent_at <= to_timestamp($killed_at);
select 'rate_after_restart msg/s', round(count(*) / nullif(extract(epoch from max(sent_at) - min(sent_at)), 0)),
       'messages', count(*) from outbox_message
 where status = 'SENT' and sent_at > to_timestamp($killed_at) and attempts = 1;
select 'first_send_after_kill_s', round(extract(epoch from min(sent_at) - to_timestamp($killed_at)), 1)
  from outbox_message where sent_at > to_timestamp($killed_at);
select 'reclaimed_after_lease', count(*), 'last sent', round(extract(epoch from max(sent_at) - to_timestamp($killed_at)), 1),
       's after the kill' from outbox_message where attempts > 1;
-- e-mail is DELIVERED once when the server takes it; SMS and template messages only on their receipt (none here)
select 'outcomes_not_as_expected', count(*) from outbox_message m
 where m.status = 'SENT' and m.channel_code in ('SMS', 'EMAIL', 'WECHAT_TEMPLATE')
   and (select count(*) from contact_outcome o where o.outbox_message_id = m.id and o.outcome = 'DELIVERED')
       <> case m.channel_code when 'EMAIL' then 1 else 0 end;
select 'voice_calls_recorded', count(*), 'for', count(distinct outbox_message_id), 'messages' from voice_call;
SQL
echo "  providers (fake):"
curl -sf "localhost:$FAKE_PORT/stats" | sed 's/^/    /'
hz=$(getconf CLK_TCK)
echo "$ticks_ready $ticks_then" | awk -v hz="$hz" \
  '{ app = $5 - $1; pg = $6 - $2; fake = $7 - $3; n = $8 - $4; printf "  CPU per message: app %.0f us, postgres %.0f us, fake providers %.0f us\n",
           app / hz / n * 1e6, pg / hz / n * 1e6, fake / hz / n * 1e6 }'
echo "  all done $(awk -v a="$killed_at" -v b="$done_at" 'BEGIN { printf "%.1f", b - a }') s after the kill"
