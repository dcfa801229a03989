package com.gridcare.outagenotice;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.gridcare.common.MutableClock;
import com.gridcare.dataset.TestUtility;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With the outbox's runs on, as in production, an outage's notices are sent as each of the fan-out's transactions
 * commits, not at the next run: the run here comes once an hour.
 */
@QuarkusTest
@TestProfile(WokenDispatcherTests.HourlyOutboxRuns.class)
class WokenDispatcherTests {

    public static class HourlyOutboxRuns implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            // the database kept: the test utility other tests generated need not be generated again
            return Map.of("gridcare.outbox.interval", "1h", "quarkus.flyway.clean-at-start", "false");
        }
    }

    @Inject
    TestUtility utility;

    @Inject
    TestOutages outages;

    @Inject
    MutableClock clock;

    @AfterEach
    void removeRows() throws SQLException {
        clock.reset();
        utility.removeTestRows();
    }

    @Test
    void shouldSendAnOutagesNoticesAsTheFanOutCommitsThem() throws Exception {
        utility.ensureGenerated();
        clock.setLocal(TestUtility.NOW);
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        List<Integer> feeders = utility.rows("""
                select feeder_id from customer where status = 'ACTIVE' and mobile is not null and id < ?
                 group by feeder_id""", TestUtility.FIRST_TEST_ID).stream().map(row -> (Integer) row[0]).toList();

        long outage = outages.publish("UNPLANNED", now.minusMinutes(5), now.plusHours(2), feeders, List.of());

        long written = utility.count("select count(*) from outbox_message where idempotency_key like ?",
                "outage:" + outage + ":KNOWN:%");
        assertThat(written).as("more customers than one transaction holds").isGreaterThan(
                ConfigProvider.getConfig().getValue("gridcare.outage-notices.commit-every", Integer.class));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (sentOnce(outage) < written && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(sentOnce(outage)).as("sent, each at its first attempt").isEqualTo(written);
    }

    private long sentOnce(long outage) throws SQLException {
        return utility.count("""
                select count(*) from outbox_message where idempotency_key like ? and status = 'SENT'
                   and attempts = 1""", "outage:" + outage + ":KNOWN:%");
    }
}
