#!/usr/bin/env bash
# channel-eval over several truths and seeds (BENCHMARKS.md, "Channel recommender"). The recommender's settings were
# tuned on seed 1 of the drawn truth only; this reports seeds 2-4 of three truths:
#   drawn       the simulator's own truth from the customers' attributes (SimulatedTruth)
#   cheap-fail  WeChat, app, SMS and e-mail hardly ever convert; calls and visits do
#   uniform     conversion per customer and channel uniform in [0, 0.5], reach and p_none random: no segment structure
# Usage: bench/channel-eval.sh            (DB=gridcare_sim; generates a scale-0.1 utility there when it is empty)
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${DB:-gridcare_sim}
SEEDS=${SEEDS:-"2 3 4"}
TRUTHS=${TRUTHS:-"drawn cheap-fail uniform"}
OUT=${OUT:-target/channel-eval}
APP=target/quarkus-app/quarkus-run.jar
[ -f "$APP" ] || ./mvnw -q package -DskipTests
mkdir -p "$OUT"
export QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:5432/$DB QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB
export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_REDIS_HOSTS=redis://127.0.0.1:6379/5 GRIDCARE_PII_ID_HASH_SALT=bench-only
export QUARKUS_LOG_LEVEL=WARN
psql -h 127.0.0.1 -U postgres -tc "select 1 from pg_database where datname = '$DB'" | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -qc "create database $DB"
if ! psql -h 127.0.0.1 -U postgres -d "$DB" -tc "select count(*) from customer" 2>/dev/null | grep -qv ' 0$'; then
    java -jar "$APP" generate --scale 0.1 --seed 1 --as-of 2026-11-30
fi

# Truth files: one row per active customer with bills; an empty cell is a channel that does not reach them.
truth() {
    local name=$1 file=$OUT/truth-$1.csv
    [ "$name" = drawn ] && return 0
    psql -h 127.0.0.1 -U postgres -d "$DB" -qAt -c "select setseed(0.42)" -c "
      copy (
        with h as (
          select c.account_no, c.mobile is not null as mobile, c.voltage_class = 'HV' as hv,
                 (count(*) filter (where b.settled_at < b.due_date + 1) + 1.9) / (count(*) + 2.0) as on_time
            from customer c join bill b on b.customer_id = c.id
           where c.status = 'ACTIVE' group by c.id)
        select account_no,
               case when '$name' = 'uniform' then round((0.7 + 0.3 * random())::numeric, 4) else round(on_time, 4) end,
               case when random() < 0.6 then round((case when '$name' = 'uniform' then 0.5 * random() else 0.01 end)::numeric, 4) end,
               case when random() < 0.1 then round((case when '$name' = 'uniform' then 0.5 * random() else 0.01 end)::numeric, 4) end,
               case when random() < 0.3 then round((case when '$name' = 'uniform' then 0.5 * random() else 0.01 end)::numeric, 4) end,
               case when mobile then round((case when '$name' = 'uniform' then 0.5 * random() else 0.02 end)::numeric, 4) end,
               case when hv or random() < 0.15 then round((case when '$name' = 'uniform' then 0.5 * random() else 0.01 end)::numeric, 4) end,
               case when mobile then round((case when '$name' = 'uniform' then 0.5 * random() else 0.30 end)::numeric, 4) end,
               case when mobile then round((case when '$name' = 'uniform' then 0.5 * random() else 0.50 end)::numeric, 4) end,
               round((case when '$name' = 'uniform' then 0.5 * random() else 0.70 end)::numeric, 4)
          from h order by account_no)
      to stdout with (format csv)" > "$file.rows"
    { echo "account_no,p_none,WECHAT_TEMPLATE,WECHAT_CUSTOMER_SERVICE,APP_PUSH,SMS,EMAIL,VOICE_CALL,AGENT_CALL,STAFF_VISIT"
      grep -v '^$' "$file.rows"; } > "$file"
    rm "$file.rows"
}

for name in $TRUTHS; do
    truth "$name"
    for seed in $SEEDS; do
        args=(channel-eval --cycles 12 --seed "$seed" --json "$OUT/$name-$seed.json" --svg "$OUT/$name-$seed.svg")
        [ "$name" = drawn ] || args+=(--truth "$OUT/truth-$name.csv")
        echo "== truth $name, seed $seed"
        java -jar "$APP" "${args[@]}" | tail -4
    done
done
