package com.gridcare.ops;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.gridcare.dataset.DatasetGenerator;
import com.gridcare.dataset.GenerationRequest;
import com.gridcare.outage.OutageSeeds;
import com.gridcare.staff.StaffConfig;
import com.gridcare.staff.StaffPasswords;

import io.quarkus.runtime.StartupEvent;

/** Dev mode: fills an empty database with a small demo utility and says where to look. */
@ApplicationScoped
class DemoUtilitySeeder {

    private static final Logger LOG = Logger.getLogger(DemoUtilitySeeder.class);

    private final DemoConfig demo;
    private final StaffConfig staff;
    private final DatasetGenerator generator;
    private final StaffPasswords staffPasswords;
    private final OutageSeeds outageSeeds;
    private final Clock clock;
    private final int httpPort;

    DemoUtilitySeeder(DemoConfig demo, StaffConfig staff, DatasetGenerator generator, StaffPasswords staffPasswords,
            OutageSeeds outageSeeds, Clock clock, @ConfigProperty(name = "quarkus.http.port") int httpPort) {
        this.demo = demo;
        this.staff = staff;
        this.generator = generator;
        this.staffPasswords = staffPasswords;
        this.outageSeeds = outageSeeds;
        this.clock = clock;
        this.httpPort = httpPort;
    }

    // Startup observers run on the main thread before the service takes requests: blocking JDBC is fine here.
    void seedEmptyDatabase(@Observes StartupEvent event) throws SQLException {
        if (!demo.seedOnStart()) {
            return;
        }
        if (generator.recorded().isEmpty() && !generator.hasCustomers()) {
            var request = new GenerationRequest(demo.seed(),
                    (double) demo.customers() / GenerationRequest.FULL_SCALE_CUSTOMERS,
                    LocalDate.now(clock), GenerationRequest.DEFAULT_SMART_METER_SHARE, GenerationRequest.DEFAULT_DAILY_DAYS);
            LOG.infof("Seeding the demo utility: %,d customers", demo.customers());
            var outcome = generator.generate(request, false, System.err, false);
            LOG.infof("Demo utility ready: %,d rows in %.1f s", outcome.totalRows(), outcome.millis() / 1000.0);
        }
        // a planned, a current and a restored outage, so the console's outage pages and the lookups show something
        int outages = outageSeeds.demo(OffsetDateTime.now(clock)).await().atMost(Duration.ofMinutes(1));
        if (outages > 0) {
            LOG.infof("Demo outages: %d (planned in 3 days, current, restored yesterday)", outages);
        }
        String base = "http://localhost:" + httpPort;
        LOG.infof("gridcare is up. API docs: %s/q/swagger-ui  health: %s/q/health  metrics: %s/q/metrics  "
                + "dataset (an administrator's token): %s/api/v1/ops/dataset", base, base, base, base);
        if (staff.demoPassword().isPresent()) {
            String password = staff.demoPassword().get();
            staffPasswords.setMissing(password);
            LOG.infof("Staff console: %s/console  demo staff (password \"%s\", any staff number works): %s", base,
                    password, staffPasswords.firstOfEachRole());
        }
    }
}
