#!/usr/bin/env bash
# Portal throughput: wrk (2 threads, 32 connections, after a warm-up run) posting signed, AES-encrypted text messages
# with distinct MsgIds (bench/WeChatMessages.java, WxJava's crypt util) to the packaged app; each goes through the
# signature and replay checks, de-duplication in Redis, the follower's record in PostgreSQL, routing and an FAQ answer,
# and is answered with an encrypted passive reply. FRESH (default 0.2) is the share of messages whose text was never
# sent before, which the bot cannot answer from its memo of earlier matches. Then exactly-once across two instances: a second instance starts,
# and every message of a new batch is delivered 3 times at once, spread over both; the instances' counters of handled
# deliveries must add up to the batch. Usage:
#   bench/wechat-portal.sh                         # DB=gridcare_bench (any gridcare database will do)
#   DURATION=30s WARMUP=60s MESSAGES=500000 BATCH=20000 FRESH=0.2 bench/wechat-portal.sh   # the defaults
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${DB:-gridcare_bench}
PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
REDIS_DB=${REDIS_DB:-8}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-60s}
MESSAGES=${MESSAGES:-500000}
BATCH=${BATCH:-20000}
PORT_A=${PORT_A:-8091}
PORT_B=${PORT_B:-8092}
APPID=wxbench00000000001
OUT=bench/out
export PGHOST PGPORT PGUSER
mkdir -p "$OUT"

[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
redis-cli -n "$REDIS_DB" flushdb > /dev/null

. bench/production-env.sh
# No SMS provider here: the service runs with sign-in by SMS switched off (production refuses to start otherwise).
export GRIDCARE_SMS_ENABLED=false
# The account WeChatMessages signs for; WeChat's API (late answers by kefu) is a closed local port: no network here.
account=(-Dwechat.accounts.bench.app-id=$APPID -Dwechat.accounts.bench.secret=bench-secret
  -Dwechat.accounts.bench.token=benchtoken -Dwechat.accounts.bench.aes-key=benchkey0123456789abcdefghijklmnopqrstuvwxA
  -Dwechat.api-base-url=http://127.0.0.1:9)
start() { # port log
  java -Xmx1g ${JAVA_OPTS:-} "${account[@]}" -Dquarkus.http.port="$1" -jar target/quarkus-app/quarkus-run.jar > "$2" 2>&1 &
  echo $!
}
ready() {
  for _ in $(seq 1 90); do curl -sf "localhost:$1/q/health/ready" > /dev/null && return 0; sleep 1; done
  echo "instance on port $1 did not start" >&2; return 1
}
handled() { # port outcome: the instance's counter, 0 before its first delivery
  local value
  value=$(curl -sf "localhost:$1/q/metrics" | sed -nE "s/^gridcare_wechat_deliveries_total\{outcome=\"$2\"\} ([0-9.]+).*/\1/p" | cut -d. -f1)
  echo "${value:-0}"
}
cpu_ticks() { # pid: user + system CPU time so far, in clock ticks (0 for no such process)
  if [ -n "$1" ] && [ -r "/proc/$1/stat" ]; then awk '{ print $14 + $15 }' "/proc/$1/stat"; else echo 0; fi
}
messages() { # prefix count
  java -Dfresh="${FRESH:-0.2}" -cp 'target/quarkus-app/lib/main/*' bench/WeChatMessages.java generate "$1" "$2" 2
}

app_a=$(start "$PORT_A" "$OUT/wechat-portal-a.log")
trap 'kill $app_a ${app_b:-} 2>/dev/null || true' EXIT
ready "$PORT_A"
psql -qd "$DB" -c "delete from wechat_user where openid like 'obench%'" # the instance has migrated a new database

echo "== throughput: warm-up $WARMUP, then $DURATION, each message distinct"
# Signed just before use: the portal refuses timestamps more than 5 minutes off.
messages "$OUT/wechat-warmup" $((MESSAGES / 2))
MESSAGES="$OUT/wechat-warmup" APPID=$APPID wrk -t2 -c32 -d"$WARMUP" -s bench/wechat-portal.lua "http://localhost:$PORT_A" \
  | grep '^RESULT'
messages "$OUT/wechat-messages" "$MESSAGES"
redis_pid=$(pgrep -x redis-server | head -1 || true)
app_ticks_before=$(cpu_ticks "$app_a"); redis_ticks_before=$(cpu_ticks "$redis_pid")
MESSAGES="$OUT/wechat-messages" APPID=$APPID /usr/bin/time -f 'wrk_cpu_s=%U+%S' -o "$OUT/wrk-cpu.txt" \
  wrk -t2 -c32 -d"$DURATION" --latency -s bench/wechat-portal.lua "http://localhost:$PORT_A" \
  | tee "$OUT/wrk-wechat-portal.txt" | grep '^RESULT'
requests=$(sed -nE 's/^RESULT requests=([0-9]+).*/\1/p' "$OUT/wrk-wechat-portal.txt")
wrk_cpu=$(sed -nE 's/^wrk_cpu_s=(.*)/\1/p' "$OUT/wrk-cpu.txt" | awk -F+ '{ print $1 + $2 }')
# where the two cores went, per message: the app, Redis (same host), and wrk itself
awk -v n="$requests" -v app=$(( $(cpu_ticks "$app_a") - app_ticks_before )) \
    -v redis=$(( $(cpu_ticks "$redis_pid") - redis_ticks_before )) -v wrk="$wrk_cpu" -v hz="$(getconf CLK_TCK)" \
  'BEGIN { printf "CPU per message: app %.0f us, redis %.0f us, wrk %.0f us\n", app / hz / n * 1e6, redis / hz / n * 1e6, wrk / n * 1e6 }'
rm -f "$OUT"/wechat-warmup-*.txt "$OUT"/wechat-messages-*.txt

echo "== exactly once: $BATCH messages, each delivered 3 times at once over two instances"
app_b=$(start "$PORT_B" "$OUT/wechat-portal-b.log")
ready "$PORT_B"
before=$(( $(handled "$PORT_A" handled) + $(handled "$PORT_B" handled) ))
repeats_before=$(( $(handled "$PORT_A" repeat) + $(handled "$PORT_B" repeat) ))
java -cp 'target/quarkus-app/lib/main/*' bench/WeChatMessages.java deliver "$BATCH" 3 \
  "http://localhost:$PORT_A/wechat/portal/$APPID" "http://localhost:$PORT_B/wechat/portal/$APPID"
acted=$(( $(handled "$PORT_A" handled) + $(handled "$PORT_B" handled) - before ))
repeats=$(( $(handled "$PORT_A" repeat) + $(handled "$PORT_B" repeat) - repeats_before ))
echo "RESULT messages=$BATCH deliveries=$((BATCH * 3)) handled=$acted repeats=$repeats duplicates=$((acted - BATCH))"
