package com.gridcare.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.gridcare.common.InvalidRequestException;
import com.gridcare.common.MutableClock;
import com.gridcare.dataset.TestUtility;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.runtime.datasource.ReactiveRedisDataSourceImpl;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.mutiny.sqlclient.Pool;

@QuarkusTest
class OutageServiceTests {

    @Inject
    OutageService outages;

    @Inject
    TestUtility utility;

    @Inject
    MutableClock clock;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    RedisDataSource redis;

    private OffsetDateTime now;
    /** A low-voltage customer and their feeder and transformer area; another customer on another feeder. */
    private long customer;
    private int feeder;
    private int area;
    private long otherCustomer;
    private int otherFeeder;

    @BeforeEach
    void generatedUtilityOnItsAsOfDay() throws Exception {
        utility.ensureGenerated();
        clock.setLocal(TestUtility.NOW);
        now = clock.instant().atOffset(ZoneOffset.UTC);
        outages.outagesChanged(0).await().indefinitely(); // nothing cached by an earlier test counts
        Object[] first = utility.rows("""
                select id, feeder_id, transformer_area_id from customer
                 where voltage_class = 'LV' order by id limit 1""").get(0);
        customer = (Long) first[0];
        feeder = (Integer) first[1];
        area = (Integer) first[2];
        // the small utility has one feeder: a second one with an area and a customer of its own
        otherFeeder = (int) TestUtility.FIRST_TEST_ID + 1;
        utility.execute("insert into feeder (id, code, name, substation_id) values (?, 'TF1', 'Test feeder 1', 1)",
                otherFeeder);
        int gridArea = (Integer) utility.value("select grid_area_id from transformer_area where id = ?", area);
        transformerArea(10, "23.500000", "113.500000", gridArea, otherFeeder);
        otherCustomer = utility.customer(TestUtility.FIRST_TEST_ID + 20, "RES_TIERED", "CLASSIC");
        utility.execute("update customer set feeder_id = ?, transformer_area_id = ? where id = ?", otherFeeder,
                (int) TestUtility.FIRST_TEST_ID + 10, otherCustomer);
    }

    @AfterEach
    void cleanUp() throws Exception {
        utility.removeTestRows();
        clock.reset();
    }

    @Test
    void shouldShowTheCurrentOutageOnTheCustomersFeeder() throws Exception {
        long outage = outage("UNPLANNED", "PUBLISHED", now.minusHours(1), now.plusHours(3), feeder, null);

        CustomerOutages affected = outages.forCustomer(customer).await().indefinitely();
        CustomerOutages elsewhere = outages.forCustomer(otherCustomer).await().indefinitely();

        assertThat(affected.current()).isNotNull();
        assertThat(affected.current().id()).isEqualTo(outage);
        assertThat(affected.current().current()).isTrue();
        assertThat(affected.current().cause()).isEqualTo("EQUIPMENT_FAULT");
        assertThat(affected.current().estimatedRestoreAt()).isAtSameInstantAs(now.plusHours(3));
        assertThat(affected.planned()).isEmpty();
        assertThat(elsewhere.current()).isNull();
    }

    @Test
    void shouldShowTheCurrentOutageOfTheCustomersTransformerAreaOnly() throws Exception {
        long outage = outage("UNPLANNED", "PUBLISHED", now.minusMinutes(20), null, null, area);
        List<Object[]> neighbours = utility.rows("""
                select id from customer where feeder_id = ? and transformer_area_id <> ? order by id limit 1""",
                feeder, area);

        assertThat(outages.forCustomer(customer).await().indefinitely().current().id()).isEqualTo(outage);
        if (!neighbours.isEmpty()) {
            assertThat(outages.forCustomer((Long) neighbours.get(0)[0]).await().indefinitely().current())
                    .as("same feeder, another transformer area").isNull();
        }
    }

    @Test
    void shouldHideOutagesThatAreNotPublished() throws Exception {
        long draft = outage("UNPLANNED", "DRAFT", now.minusHours(1), null, feeder, null);
        outage("PLANNED", "CANCELLED", now.plusDays(2), now.plusDays(2).plusHours(4), null, area);
        long restored = outage("UNPLANNED", "RESTORED", now.minusHours(5), null, null, area);
        utility.execute("update outage set restored_at = ? where id = ?", now.minusHours(1), restored);

        CustomerOutages answer = outages.forCustomer(customer).await().indefinitely();

        assertThat(answer.current()).isNull();
        assertThat(answer.planned()).isEmpty();
        assertThat(outages.detail(draft).await().indefinitely()).isEmpty();
        assertThat(outages.detail(restored).await().indefinitely()).isEmpty();
        String areaCode = (String) utility.value("select code from transformer_area where id = ?", area);
        assertThat(outages.search(areaCode, null, null).await().indefinitely().items()).isEmpty();
    }

    @Test
    void shouldListPlannedOutagesOfTheNextFourteenDaysOnly() throws Exception {
        long inThreeDays = outage("PLANNED", "PUBLISHED", now.plusDays(3), now.plusDays(3).plusHours(6), null, area);
        long inThirteenDays = outage("PLANNED", "PUBLISHED", now.plusDays(13), now.plusDays(13).plusHours(6), feeder, null);
        outage("PLANNED", "PUBLISHED", now.plusDays(15), now.plusDays(15).plusHours(6), feeder, null);
        outage("PLANNED", "DRAFT", now.plusDays(4), now.plusDays(4).plusHours(6), feeder, null);

        CustomerOutages answer = outages.forCustomer(customer).await().indefinitely();

        assertThat(answer.current()).isNull();
        assertThat(answer.planned()).extracting(OutageSummary::id).containsExactly(inThreeDays, inThirteenDays);
        assertThat(answer.planned()).allSatisfy(planned -> {
            assertThat(planned.kind()).isEqualTo("PLANNED");
            assertThat(planned.current()).isFalse();
        });

        clock.set(now.plusDays(3).plusHours(1).toInstant()); // the first has begun
        outages.outagesChanged(inThreeDays).await().indefinitely();
        CustomerOutages later = outages.forCustomer(customer).await().indefinitely();
        assertThat(later.current().id()).isEqualTo(inThreeDays);
        assertThat(later.planned()).extracting(OutageSummary::id).doesNotContain(inThreeDays).contains(inThirteenDays);
    }

    @Test
    void shouldFindOutagesAffectingTransformerAreasWithinTheRadius() throws Exception {
        int gridArea = (Integer) utility.value("select grid_area_id from transformer_area where id = ?", area);
        int here = transformerArea(1, "30.000000", "100.000000", gridArea);
        int north = transformerArea(2, "30.010000", "100.000000", gridArea); // about 1,112 m away
        int east = transformerArea(3, "30.000000", "100.060000", gridArea); // about 5,780 m away
        long atHere = outage("UNPLANNED", "PUBLISHED", now.minusHours(1), now.plusHours(2), null, here);
        long atNorth = outage("PLANNED", "PUBLISHED", now.plusDays(1), now.plusDays(1).plusHours(2), null, north);
        outage("UNPLANNED", "PUBLISHED", now.minusHours(1), null, null, east);
        outage("UNPLANNED", "DRAFT", now.minusHours(1), null, null, here);

        List<NearbyOutage> withinOneKm = outages.near(30.0, 100.0, 1000).await().indefinitely();
        List<NearbyOutage> withinTwelveHundred = outages.near(30.0, 100.0, 1200).await().indefinitely();
        List<NearbyOutage> withinFiveKm = outages.near(30.0, 100.0, 5000).await().indefinitely();

        assertThat(withinOneKm).extracting(n -> n.outage().id()).containsExactly(atHere);
        assertThat(withinOneKm.get(0).distanceMeters()).isZero();
        assertThat(withinTwelveHundred).extracting(n -> n.outage().id()).containsExactly(atHere, atNorth);
        assertThat(withinTwelveHundred.get(1).distanceMeters()).isBetween(1100, 1125);
        assertThat(withinTwelveHundred.get(1).nearestAreaName()).isEqualTo("Test area 2");
        assertThat(withinFiveKm).extracting(n -> n.outage().id()).containsExactly(atHere, atNorth);
        assertThatThrownBy(() -> outages.near(30.0, 100.0, 5001).await().indefinitely())
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> outages.near(91, 100.0, 100).await().indefinitely())
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void shouldFindTransformerAreasNearbyThroughAnOutageOfTheirFeeder() throws Exception {
        int gridArea = (Integer) utility.value("select grid_area_id from transformer_area where id = ?", area);
        transformerArea(1, "30.000000", "100.000000", gridArea);
        transformerArea(2, "30.001000", "100.000000", gridArea);
        long onTheFeeder = outage("UNPLANNED", "PUBLISHED", now.minusHours(1), null, feeder, null);

        List<NearbyOutage> nearby = outages.near(30.0, 100.0, 500).await().indefinitely();

        assertThat(nearby).singleElement().satisfies(n -> {
            assertThat(n.outage().id()).isEqualTo(onTheFeeder);
            assertThat(n.areasWithinRadius()).isEqualTo(2);
        });
    }

    @Test
    void shouldSearchByAreaOrFeederNameAndCode() throws Exception {
        Object[] areaRow = utility.rows("""
                select t.name, t.code, g.name from transformer_area t join grid_area g on g.id = t.grid_area_id
                 where t.id = ?""", area).get(0);
        Object[] otherFeederRow = utility.rows("select name, code from feeder where id = ?", otherFeeder).get(0);
        String areaOnOtherFeeder = (String) utility.value(
                "select name from transformer_area where feeder_id = ? order by id limit 1", otherFeeder);
        long inArea = outage("UNPLANNED", "PUBLISHED", now.minusHours(1), null, null, area);
        long onOtherFeeder = outage("PLANNED", "PUBLISHED", now.plusDays(20), null, otherFeeder, null);

        assertThat(ids((String) areaRow[0])).containsExactly(inArea);
        assertThat(ids(((String) areaRow[1]).toLowerCase())).containsExactly(inArea);
        assertThat(ids((String) areaRow[2])).contains(inArea);
        assertThat(ids((String) otherFeederRow[1])).containsExactly(onOtherFeeder);
        assertThat(ids((String) otherFeederRow[0])).containsExactly(onOtherFeeder);
        assertThat(ids(areaOnOtherFeeder)).as("an area of a feeder in outage").containsExactly(onOtherFeeder);
        assertThat(ids("%")).as("wildcards are literal").isEmpty();
        assertThat(ids("_")).isEmpty();
        assertThat(ids("T%0")).isEmpty();
        assertThatThrownBy(() -> outages.search("  ", null, null).await().indefinitely())
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void shouldPageSearchResultsOldestStartFirst() throws Exception {
        long first = outage("UNPLANNED", "PUBLISHED", now.minusHours(2), null, feeder, null);
        long second = outage("UNPLANNED", "PUBLISHED", now.minusHours(1), null, null, area);
        long third = outage("PLANNED", "PUBLISHED", now.plusDays(1), null, null, area);
        String areaCode = (String) utility.value("select code from transformer_area where id = ?", area);

        var page1 = outages.search(areaCode, null, 2).await().indefinitely();
        var page2 = outages.search(areaCode, page1.nextCursor(), 2).await().indefinitely();

        assertThat(page1.items()).extracting(OutageSummary::id).containsExactly(first, second);
        assertThat(page2.items()).extracting(OutageSummary::id).containsExactly(third);
        assertThat(page2.nextCursor()).isNull();
        assertThat(page2.items().get(0).current()).isFalse();
    }

    @Test
    void shouldShowThePublishedOutageWithTheNetworkItCovers() throws Exception {
        long outage = outage("UNPLANNED", "PUBLISHED", now.minusHours(1), now.plusHours(2), feeder, null);
        utility.execute("insert into outage_scope (outage_id, transformer_area_id) values (?, ?)", outage, area);

        OutageDetail detail = outages.detail(outage).await().indefinitely().orElseThrow();

        assertThat(detail.current()).isTrue();
        assertThat(detail.publishedAt()).isNotNull();
        assertThat(detail.areas()).extracting(OutageDetail.Area::type).containsExactly("FEEDER", "TRANSFORMER_AREA");
        assertThat(detail.areas().get(0).code()).isEqualTo(utility.value("select code from feeder where id = ?", feeder));
        assertThat(outages.detail(outage + 1000).await().indefinitely()).isEmpty();
    }

    @Test
    void shouldServeTheCachedAnswerUntilOutagesChange() throws Exception {
        long outage = outage("UNPLANNED", "PUBLISHED", now.minusHours(1), now.plusHours(2), feeder, null);
        assertThat(outages.forCustomer(customer).await().indefinitely().current().id()).isEqualTo(outage);

        // gone from PostgreSQL behind the cache's back: the cached answer is still served, so PostgreSQL was not asked
        utility.execute("delete from outage where id = ?", outage);
        CustomerOutages cached = outages.forCustomer(customer).await().indefinitely();
        assertThat(cached.current()).isNotNull();
        assertThat(cached.current().id()).isEqualTo(outage);
        assertThat(cached.current().startsAt()).isAtSameInstantAs(now.minusHours(1));

        outages.outagesChanged(outage).await().indefinitely();
        assertThat(outages.forCustomer(customer).await().indefinitely().current()).isNull();
    }

    @Test
    void shouldSeeAnotherInstancesChangeWithinASecond() throws Exception {
        long outage = outage("UNPLANNED", "PUBLISHED", now.minusHours(1), now.plusHours(2), feeder, null);
        assertThat(outages.forCustomer(customer).await().indefinitely().current().id()).isEqualTo(outage);
        utility.execute("delete from outage where id = ?", outage);

        redis.value(Long.class).incr(OutageCache.VERSION_KEY); // what outagesChanged does on another instance
        Thread.sleep(OutageCache.VERSION_MEMORY_MILLIS + 100);
        assertThat(outages.forCustomer(customer).await().indefinitely().current()).isNull();
    }

    @Test
    void shouldAnswerFromPostgresWhenRedisIsDown() throws Exception {
        Redis unreachable = Redis.createClient(vertx, "redis://127.0.0.1:1");
        try {
            var cache = new OutageCache(new ReactiveRedisDataSourceImpl(vertx, unreachable, RedisAPI.api(unreachable)),
                    Duration.ofSeconds(60), Duration.ofMillis(250));
            var withoutRedis = new OutageService(pool, cache, clock);
            long outage = outage("UNPLANNED", "PUBLISHED", now.minusHours(1), null, feeder, null);

            assertThat(withoutRedis.forCustomer(customer).await().atMost(Duration.ofSeconds(5)).current().id())
                    .isEqualTo(outage);
            utility.execute("delete from outage where id = ?", outage);
            assertThat(withoutRedis.forCustomer(customer).await().atMost(Duration.ofSeconds(5)).current()).isNull();
            withoutRedis.outagesChanged(outage).await().atMost(Duration.ofSeconds(5));
        } finally {
            unreachable.close();
        }
    }

    private List<Long> ids(String text) {
        return outages.search(text, null, 50).await().indefinitely().items().stream().map(OutageSummary::id).toList();
    }

    private long outage(String kind, String status, OffsetDateTime startsAt, OffsetDateTime estimatedRestoreAt,
            Integer scopeFeeder, Integer scopeArea) throws Exception {
        long id = (Long) utility.value("""
                insert into outage (kind, status, cause, description, starts_at, estimated_restore_at, published_at)
                values (?, ?, 'EQUIPMENT_FAULT', 'Test outage', ?, ?, ?) returning id""",
                kind, status, startsAt, estimatedRestoreAt, "DRAFT".equals(status) ? null : now.minusHours(2));
        utility.execute("insert into outage_scope (outage_id, feeder_id, transformer_area_id) values (?, ?, ?)",
                id, scopeFeeder, scopeArea);
        return id;
    }

    /** A test transformer area on the customer's feeder, far from the generated ones. */
    private int transformerArea(int n, String latitude, String longitude, int gridArea) throws Exception {
        return transformerArea(n, latitude, longitude, gridArea, feeder);
    }

    private int transformerArea(int n, String latitude, String longitude, int gridArea, int onFeeder)
            throws Exception {
        int id = (int) TestUtility.FIRST_TEST_ID + n;
        utility.execute("""
                insert into transformer_area (id, code, name, feeder_id, grid_area_id, capacity_kva, latitude, longitude)
                values (?, ?, ?, ?, ?, 315, ?, ?)""", id, "TT" + n, "Test area " + n, onFeeder, gridArea,
                new java.math.BigDecimal(latitude), new java.math.BigDecimal(longitude));
        return id;
    }
}
