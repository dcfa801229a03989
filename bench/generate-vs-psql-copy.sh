#!/usr/bin/env bash
# Generates the synthetic utility with gridcare's COPY path, then loads the very same rows with `psql \copy` in the
# same run, and prints both rates. Needs a PostgreSQL server (default 127.0.0.1:5432, trust auth) and the packaged
# jar (built if missing). Usage:
#   bench/generate-vs-psql-copy.sh                 # full scale (1,774,800 customers)
#   SCALE=0.1 bench/generate-vs-psql-copy.sh       # a tenth
#   LANES=1 bench/generate-vs-psql-copy.sh         # one table at a time: each COPY has the machine, as psql has
set -euo pipefail
cd "$(dirname "$0")/.."

SCALE=${SCALE:-1.0}
LANES=${LANES:-2}
SEED=${SEED:-1}
AS_OF=${AS_OF:-2026-11-26}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
DB=${DB:-gridcare_bench}
OUT=bench/out
TABLES="customer meter monthly_reading daily_reading bill payment"
export PGHOST PGPORT PGUSER
mkdir -p "$OUT"

psql -d postgres -tAc "select 1 from pg_database where datname = '$DB'" | grep -q 1 || createdb "$DB"
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests

export QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://$PGHOST:$PGPORT/$DB"
export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB"
export QUARKUS_DATASOURCE_USERNAME="$PGUSER"
export QUARKUS_REDIS_HOSTS=${QUARKUS_REDIS_HOSTS:-redis://127.0.0.1:6379}
export GRIDCARE_PII_ID_HASH_SALT=${GRIDCARE_PII_ID_HASH_SALT:-bench-salt}

echo "== gridcare generate --scale $SCALE --lanes $LANES (COPY path)"
/usr/bin/time -v -o "$OUT/generate.time" java -jar target/quarkus-app/quarkus-run.jar \
  generate --scale "$SCALE" --seed "$SEED" --as-of "$AS_OF" --lanes "$LANES" --restart 2> "$OUT/generate.err" | tee "$OUT/generate.out"
wall=$(grep 'Elapsed (wall clock)' "$OUT/generate.time" | awk '{print $NF}')
rss=$(grep 'Maximum resident set size' "$OUT/generate.time" | awk '{print $NF}')
echo "wall clock $wall, peak RSS $((rss / 1024)) MiB, database $(psql -d "$DB" -tAc "select pg_size_pretty(pg_database_size('$DB'))")"
psql -d "$DB" -c "select step, rows_loaded, copy_millis, millis,
                           round(rows_loaded * 1000.0 / nullif(copy_millis, 0)) as copy_rows_per_s,
                           round(rows_loaded * 1000.0 / millis) as step_rows_per_s
                      from dataset_generation_step order by completed_at"

# The same rows again, exported and loaded by psql \copy into a table in the state gridcare's COPY phase loads into:
# same columns, defaults, NOT NULL and CHECK constraints and primary key; no secondary index, no foreign key.
echo "== psql \\copy of the same rows, table by table, vs gridcare's COPY phase of that table"
printf '%-16s %12s %9s %12s %9s %12s %7s\n' table rows psql_s psql_rows/s grid_s grid_rows/s ratio
total_rows=0; total_psql_ms=0; total_ours_ms=0
for table in $TABLES; do
  step=$(case $table in customer) echo CUSTOMERS;; meter) echo METERS;; monthly_reading) echo MONTHLY_READINGS;;
         daily_reading) echo DAILY_READINGS;; bill) echo BILLS;; payment) echo PAYMENTS;; esac)
  psql -d "$DB" -qc "\\copy $table to '$OUT/$table.tsv'"
  pk=$(psql -d "$DB" -tAc "select pg_get_constraintdef(oid) from pg_constraint where conrelid = '$table'::regclass and contype = 'p'")
  psql -d "$DB" -qc "drop table if exists bench_$table" \
       -c "create table bench_$table (like $table including defaults including constraints, $pk)"
  start=$(date +%s%N)
  psql -d "$DB" -qc "\\copy bench_$table from '$OUT/$table.tsv'"
  psql_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  rows=$(wc -l < "$OUT/$table.tsv")
  psql -d "$DB" -qc "drop table bench_$table"
  rm -f "$OUT/$table.tsv"
  ours_ms=$(psql -d "$DB" -tAc "select copy_millis from dataset_generation_step where step = '$step'")
  printf '%-16s %12d %9.1f %12d %9.1f %12d %7.2f\n' "$table" "$rows" "$(echo "$psql_ms / 1000" | bc -l)" \
    $((rows * 1000 / psql_ms)) "$(echo "$ours_ms / 1000" | bc -l)" $((rows * 1000 / ours_ms)) \
    "$(echo "$psql_ms / $ours_ms" | bc -l)"
  total_rows=$((total_rows + rows)); total_psql_ms=$((total_psql_ms + psql_ms)); total_ours_ms=$((total_ours_ms + ours_ms))
done
printf '%-16s %12d %9.1f %12d %9.1f %12d %7.2f\n' all "$total_rows" "$(echo "$total_psql_ms / 1000" | bc -l)" \
  $((total_rows * 1000 / total_psql_ms)) "$(echo "$total_ours_ms / 1000" | bc -l)" $((total_rows * 1000 / total_ours_ms)) \
  "$(echo "$total_psql_ms / $total_ours_ms" | bc -l)"
echo "(grid_s is the COPY phase of gridcare's step: generating the rows in Java and streaming them in, while the other"
echo " loading lane works beside it; ratio = gridcare rows/s ÷ psql rows/s. Whole run: see wall clock above.)"
