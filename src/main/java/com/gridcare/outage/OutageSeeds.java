package com.gridcare.outage;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Outages written as data rather than made by staff: the demo utility's few, and a storm of them for benchmarks. They
 * are rows as a generator writes bills, without revisions or {@link OutageChanged} events (no notices go out for
 * them); the residents' cached answers are invalidated, so a live service sees them at once.
 */
@ApplicationScoped
public class OutageSeeds {

    /**
     * One outage per transformer area picked in a seeded random order: every fifth covers the area's whole feeder
     * instead. Started within the last two hours, estimated back within the next five.
     */
    private static final String STORM = """
            with picked as (
                select nextval('outage_id_seq') as id, area.id as area_id, area.feeder_id, area.n
                  from (select t.id, t.feeder_id, row_number() over (order by md5(t.id || ':' || $1::text), t.id) as n
                          from transformer_area t
                         order by md5(t.id || ':' || $1::text), t.id
                         limit $2) area
            ), made as (
                insert into outage (id, kind, status, cause, description, starts_at, estimated_restore_at,
                                    published_at, created_at, updated_at)
                select id, 'UNPLANNED', 'PUBLISHED', 'EQUIPMENT_FAULT', '设备故障停电，正在抢修',
                       $3::timestamptz - (n % 120) * interval '1 minute',
                       $3::timestamptz + interval '1 hour' + (n % 240) * interval '1 minute', $3, $3, $3
                  from picked
                returning id
            )
            insert into outage_scope (outage_id, feeder_id, transformer_area_id)
            select p.id, case when p.n % 5 = 0 then p.feeder_id end, case when p.n % 5 <> 0 then p.area_id end
              from picked p join made m on m.id = p.id""";

    /** The demo's three outages, on the first transformer areas (again from the first when there are fewer); $1 is now. */
    private static final String DEMO = """
            with areas as (
                select t.id, row_number() over (order by t.id) as n from transformer_area t order by t.id limit 3
            ), planned as (
                select nextval('outage_id_seq') as id, areas.id as area_id, v.*
                  from (values
                    (1, 'PLANNED', 'PUBLISHED', 'PLANNED_MAINTENANCE', '10kV线路检修，届时台区停电',
                     date_trunc('hour', $1::timestamptz) + interval '3 days',
                     date_trunc('hour', $1::timestamptz) + interval '3 days 6 hours', null::timestamptz,
                     $1::timestamptz, '检修班 0757-88880001'),
                    (2, 'UNPLANNED', 'PUBLISHED', 'EQUIPMENT_FAULT', '台区变压器故障，正在抢修',
                     $1::timestamptz - interval '40 minutes', $1::timestamptz + interval '2 hours', null,
                     $1::timestamptz - interval '30 minutes', '抢修班 0757-88880002'),
                    (3, 'UNPLANNED', 'RESTORED', 'WEATHER', '雷雨天气导致线路跳闸',
                     $1::timestamptz - interval '1 day 3 hours', $1::timestamptz - interval '1 day',
                     $1::timestamptz - interval '1 day 1 hour', $1::timestamptz - interval '1 day 2 hours 50 minutes',
                     null)) as v(n, kind, status, cause, description, starts_at, estimated_restore_at, restored_at,
                                 published_at, crew_contact)
                  join areas on areas.n = (v.n - 1) % (select count(*) from areas) + 1
            ), made as (
                insert into outage (id, kind, status, cause, description, starts_at, estimated_restore_at, restored_at,
                                    published_at, crew_contact, created_at, updated_at)
                select id, kind, status, cause, description, starts_at, estimated_restore_at, restored_at,
                       published_at, crew_contact, $1, $1
                  from planned
                returning id
            )
            insert into outage_scope (outage_id, transformer_area_id)
            select planned.id, planned.area_id from planned join made on made.id = planned.id""";

    private final Pool pool;
    private final OutageService outages;

    public OutageSeeds(Pool pool, OutageService outages) {
        this.pool = pool;
        this.outages = outages;
    }

    /** Publishes {@code count} current unplanned outages (at most one per transformer area); how many were made. */
    public Uni<Integer> storm(int count, long seed, OffsetDateTime now) {
        return pool.withTransaction(connection -> connection.preparedQuery(STORM)
                .execute(Tuple.of(String.valueOf(seed), (long) count, now)).map(rows -> rows.rowCount()))
                .call(() -> outages.outagesChanged(0));
    }

    /**
     * The demo utility's outages, unless it has some: a planned one in three days, a current unplanned one with an
     * estimate and one restored yesterday, on the first transformer areas. How many were made.
     */
    public Uni<Integer> demo(OffsetDateTime now) {
        return pool.withTransaction(connection -> connection.query("lock table outage in exclusive mode").execute()
                .chain(() -> connection.query("select exists (select 1 from outage)").execute())
                .chain(rows -> rows.iterator().next().getBoolean(0) ? Uni.createFrom().item(0)
                        : connection.preparedQuery(DEMO).execute(Tuple.of(now)).map(made -> made.rowCount())))
                .call(() -> outages.outagesChanged(0));
    }
}
