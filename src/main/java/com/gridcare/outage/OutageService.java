package com.gridcare.outage;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.common.InvalidRequestException;
import com.gridcare.common.Page;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What residents may see of outages: only PUBLISHED ones (draft, cancelled, dismissed, restored and closed outages
 * are invisible), and on their own account that a SUSPECTED one is being checked. An outage covers whole feeders
 * and/or single transformer areas ({@code outage_scope}); a customer is affected when their feeder or their
 * transformer area is covered, and a transformer area when it or its feeder is, until its power is back
 * ({@code outage_area_restoration}: power may come back area by area).
 */
@ApplicationScoped
public class OutageService {

    public static final Duration PLANNED_HORIZON = Duration.ofDays(14);
    public static final int MAX_RADIUS_METERS = 5_000;
    public static final int MAX_SEARCH_TEXT = 64;
    static final int MAX_NEARBY = 50;
    private static final double EARTH_RADIUS_METERS = 6_371_008.8;
    private static final double METERS_PER_DEGREE_LATITUDE = 111_320;

    private static final String SUMMARY_COLUMNS = "o.id, o.kind, o.cause, o.description, o.starts_at, o.estimated_restore_at\n";

    /**
     * Current ($2 = now) or planned within the horizon ($3), covering the customer's feeder or transformer area; and
     * a suspected outage there (detected from reports, not confirmed yet).
     */
    private static final String FOR_CUSTOMER = "select o.status, " + SUMMARY_COLUMNS + """
              from customer c
              join outage_scope s on s.feeder_id = c.feeder_id or s.transformer_area_id = c.transformer_area_id
              join outage o on o.id = s.outage_id
             where c.id = $1 and o.restored_at is null
               and ((o.status = 'PUBLISHED' and (o.starts_at <= $2 or (o.kind = 'PLANNED' and o.starts_at <= $3)))
                    or o.status = 'SUSPECTED')
               and not exists (select 1 from outage_area_restoration r
                                where r.outage_id = o.id and r.transformer_area_id = c.transformer_area_id)
             order by o.starts_at, o.id""";

    /** $1 is a LIKE pattern (wildcards of the text escaped); keyset on (starts_at, id) after ($2, $3). */
    private static final String SEARCH = "select " + SUMMARY_COLUMNS + """
              from outage o
             where o.status = 'PUBLISHED' and o.restored_at is null and (o.starts_at, o.id) > ($2, $3)
               and exists (
                   select 1
                     from outage_scope s
                     left join feeder f on f.id = s.feeder_id
                     left join transformer_area t on t.id = s.transformer_area_id or t.feeder_id = s.feeder_id
                     left join feeder tf on tf.id = t.feeder_id
                     left join grid_area g on g.id = t.grid_area_id
                    where s.outage_id = o.id
                      and not exists (select 1 from outage_area_restoration r
                                       where r.outage_id = o.id and r.transformer_area_id = t.id)
                      and (f.name ilike $1 or f.code ilike $1 or t.name ilike $1 or t.code ilike $1
                           or tf.name ilike $1 or tf.code ilike $1 or g.name ilike $1))
             order by o.starts_at, o.id
             limit $4""";

    /** Transformer areas in the bounding box ($1..$2 latitude, $3..$4 longitude) with the outages covering them. */
    private static final String NEAR = "select " + SUMMARY_COLUMNS + """
                   , t.id as area_id, t.name as area_name, t.latitude, t.longitude
              from transformer_area t
              join outage_scope s on s.transformer_area_id = t.id or s.feeder_id = t.feeder_id
              join outage o on o.id = s.outage_id
             where t.latitude between $1 and $2 and t.longitude between $3 and $4
               and o.status = 'PUBLISHED' and o.restored_at is null
               and not exists (select 1 from outage_area_restoration r
                                where r.outage_id = o.id and r.transformer_area_id = t.id)""";

    private static final String DETAIL = "select " + SUMMARY_COLUMNS + """
                   , o.published_at, f.code as feeder_code, f.name as feeder_name, t.code as area_code,
                   t.name as area_name
              from outage o
              left join outage_scope s on s.outage_id = o.id
              left join feeder f on f.id = s.feeder_id
              left join transformer_area t on t.id = s.transformer_area_id
                    and not exists (select 1 from outage_area_restoration r
                                     where r.outage_id = o.id and r.transformer_area_id = t.id)
             where o.id = $1 and o.status = 'PUBLISHED'
             order by f.code nulls last, t.code""";

    private final Pool pool;
    private final OutageCache cache;
    private final Clock clock;

    public OutageService(Pool pool, OutageCache cache, Clock clock) {
        this.pool = pool;
        this.cache = cache;
        this.clock = clock;
    }

    /**
     * The account's current outage and its planned outages of the next 14 days. Served from the Redis cache (one
     * entry per account, short TTL) and from PostgreSQL on a miss or when Redis is unavailable.
     */
    public Uni<CustomerOutages> forCustomer(long customerId) {
        return cache.customer(customerId, () -> forCustomerFromDatabase(customerId));
    }

    /**
     * Every outage-side change (publish, re-scope, restore, cancel) calls this after its commit. It makes every cached
     * answer stale, not only those of the outage's customers: cheaper and simpler than finding them, and outages
     * change rarely compared with how often they are read.
     */
    public Uni<Void> outagesChanged(long outageId) {
        return cache.invalidateAll();
    }

    Uni<CustomerOutages> forCustomerFromDatabase(long customerId) {
        OffsetDateTime now = now();
        return pool.preparedQuery(FOR_CUSTOMER).execute(Tuple.of(customerId, now, now.plus(PLANNED_HORIZON)))
                .map(rows -> {
                    Map<Long, OutageSummary> outages = new LinkedHashMap<>(); // a customer may be covered twice
                    OutageSummary suspected = null;
                    for (Row row : rows) {
                        if ("SUSPECTED".equals(row.getString("status"))) {
                            suspected = summary(row, now);
                        } else {
                            outages.putIfAbsent(row.getLong("id"), summary(row, now));
                        }
                    }
                    OutageSummary current = outages.values().stream().filter(OutageSummary::current)
                            .max(Comparator.comparing(OutageSummary::startsAt).thenComparing(OutageSummary::id))
                            .orElse(null);
                    List<OutageSummary> planned = outages.values().stream().filter(o -> !o.current()).toList();
                    return new CustomerOutages(current, planned, current == null ? suspected : null);
                });
    }

    /**
     * Current and upcoming outages covering a transformer area or feeder whose name or code contains {@code text},
     * or a transformer area of a grid area whose name does; oldest start first.
     */
    public Uni<Page<OutageSummary>> search(String text, String cursor, Integer limit) {
        return Uni.createFrom().deferred(() -> {
            String trimmed = text == null ? "" : text.strip();
            if (trimmed.isEmpty() || trimmed.length() > MAX_SEARCH_TEXT) {
                throw new InvalidRequestException("the search text must have 1 to " + MAX_SEARCH_TEXT + " characters");
            }
            int size = Page.limit(limit);
            Page.TimeAndId after = Page.timeAndId(cursor, Page.TimeAndId.OLDEST);
            OffsetDateTime now = now();
            return pool.preparedQuery(SEARCH)
                    .execute(Tuple.of("%" + escapeLike(trimmed) + "%", after.time(), after.id(), size + 1L))
                    .map(rows -> {
                        List<OutageSummary> fetched = new ArrayList<>();
                        rows.forEach(row -> fetched.add(summary(row, now)));
                        return Page.of(fetched, size, o -> new Page.TimeAndId(o.startsAt(), o.id()).parts());
                    });
        });
    }

    /**
     * Published outages covering transformer areas within {@code radiusMeters} (at most 5 km) of the point, nearest
     * first (at most 50). A bounding box on the location index narrows the areas; the exact great-circle distance
     * decides.
     */
    public Uni<List<NearbyOutage>> near(double latitude, double longitude, int radiusMeters) {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            return Uni.createFrom().failure(new InvalidRequestException("latitude or longitude out of range"));
        }
        if (radiusMeters < 1 || radiusMeters > MAX_RADIUS_METERS) {
            return Uni.createFrom().failure(
                    new InvalidRequestException("radius must be between 1 and " + MAX_RADIUS_METERS + " meters"));
        }
        double latitudeDelta = radiusMeters / METERS_PER_DEGREE_LATITUDE;
        double longitudeDelta = Math.min(180, radiusMeters
                / (METERS_PER_DEGREE_LATITUDE * Math.max(0.01, Math.cos(Math.toRadians(latitude)))));
        OffsetDateTime now = now();
        return pool.preparedQuery(NEAR)
                .execute(Tuple.of(degrees(latitude - latitudeDelta), degrees(latitude + latitudeDelta),
                        degrees(longitude - longitudeDelta), degrees(longitude + longitudeDelta)))
                .map(rows -> {
                    Map<Long, Nearby> byOutage = new LinkedHashMap<>();
                    for (Row row : rows) {
                        double meters = haversineMeters(latitude, longitude, row.getBigDecimal("latitude").doubleValue(),
                                row.getBigDecimal("longitude").doubleValue());
                        if (meters <= radiusMeters) {
                            byOutage.computeIfAbsent(row.getLong("id"), id -> new Nearby(summary(row, now)))
                                    .add(row.getInteger("area_id"), meters, row.getString("area_name"));
                        }
                    }
                    return byOutage.values().stream()
                            .sorted(Comparator.comparingDouble((Nearby n) -> n.meters)
                                    .thenComparing(n -> n.outage.startsAt()))
                            .limit(MAX_NEARBY)
                            .map(n -> new NearbyOutage(n.outage, (int) Math.round(n.meters), n.nearestArea, n.areas.size()))
                            .toList();
                });
    }

    /** A published outage with its covered feeders and transformer areas; empty for any other. */
    public Uni<Optional<OutageDetail>> detail(long outageId) {
        OffsetDateTime now = now();
        return pool.preparedQuery(DETAIL).execute(Tuple.of(outageId)).map(rows -> {
            Row first = null;
            List<OutageDetail.Area> areas = new ArrayList<>();
            for (Row row : rows) {
                first = first == null ? row : first;
                if (row.getString("feeder_code") != null) {
                    areas.add(new OutageDetail.Area("FEEDER", row.getString("feeder_code"), row.getString("feeder_name")));
                } else if (row.getString("area_code") != null) {
                    areas.add(new OutageDetail.Area("TRANSFORMER_AREA", row.getString("area_code"),
                            row.getString("area_name")));
                }
            }
            if (first == null) {
                return Optional.<OutageDetail>empty();
            }
            OutageSummary summary = summary(first, now);
            return Optional.of(new OutageDetail(summary.id(), summary.kind(), summary.current(), summary.cause(),
                    summary.description(), summary.startsAt(), summary.estimatedRestoreAt(),
                    first.getOffsetDateTime("published_at"), areas));
        });
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static OutageSummary summary(Row row, OffsetDateTime now) {
        OffsetDateTime startsAt = row.getOffsetDateTime("starts_at");
        return new OutageSummary(row.getLong("id"), row.getString("kind"), !startsAt.isAfter(now),
                row.getString("cause"), row.getString("description"), startsAt,
                row.getOffsetDateTime("estimated_restore_at"));
    }

    /** The text as a literal inside a LIKE pattern: backslash is PostgreSQL's default LIKE escape. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static double haversineMeters(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    private static BigDecimal degrees(double value) {
        return BigDecimal.valueOf(value);
    }

    private static final class Nearby {
        final OutageSummary outage;
        double meters = Double.MAX_VALUE;
        String nearestArea;
        final Set<Integer> areas = new HashSet<>(); // covered by feeder and by area: once

        Nearby(OutageSummary outage) {
            this.outage = outage;
        }

        void add(int areaId, double distance, String area) {
            areas.add(areaId);
            if (distance < meters) {
                meters = distance;
                nearestArea = area;
            }
        }
    }
}
