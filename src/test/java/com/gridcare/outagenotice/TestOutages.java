package com.gridcare.outagenotice;

import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.ObservesAsync;

import com.gridcare.dataset.TestUtility;
import com.gridcare.outage.OutageChanged;
import com.gridcare.outage.OutageChanged.Change;
import com.gridcare.staff.SignedInStaff;
import com.gridcare.staff.StaffPasswords;
import com.gridcare.staff.TestStaff;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Outages created, changed and published by a test administrator through the staff outage API, as staff do; each
 * method returns once the {@link OutageChanged} the change fired has been handled by the features observing it (the
 * notices among them). What the API cannot do stays in SQL: an outage published, or edited, whose event was lost, and
 * an event fired again by hand.
 */
@ApplicationScoped
public class TestOutages {

    /** How long a change may take to reach the observers: the notices' fan-out waits for a running one. */
    private static final Duration HANDLED_WITHIN = Duration.ofSeconds(60);

    private final TestUtility utility;
    private final TestStaff staff;
    private final StaffPasswords passwords;
    private final Event<OutageChanged> events;
    /** Changes every other observer has been told of, as {@code <outage>:<version>}. */
    private final Set<String> handled = ConcurrentHashMap.newKeySet();
    private SignedInStaff admin;

    public TestOutages(TestUtility utility, TestStaff staff, StaffPasswords passwords, Event<OutageChanged> events) {
        this.utility = utility;
        this.staff = staff;
        this.passwords = passwords;
        this.events = events;
    }

    /**
     * Last of a change's observers: ArC calls the asynchronous observers of one {@code fireAsync} one after another in
     * the order of their priority, so when this runs the notices' observer has returned.
     */
    void handled(@ObservesAsync @Priority(Integer.MAX_VALUE) OutageChanged changed) {
        handled.add(changed.outageId() + ":" + changed.version());
    }

    /**
     * An outage over whole feeders and single transformer areas (their ids), created and published through the API;
     * the PUBLISHED event has been handled.
     */
    public long publish(String kind, OffsetDateTime startsAt, OffsetDateTime estimatedRestoreAt, List<Integer> feeders,
            List<Integer> areas) throws SQLException {
        admin = SignedInStaff.admin(staff, passwords); // again for each outage: another test may have regenerated staff
        String json = """
                {"kind": "%s", "feeders": %s, "transformerAreas": %s, "startsAt": "%s", "estimatedRestoreAt": "%s",
                 "cause": "EQUIPMENT_FAULT", "description": "Test outage"}""".formatted(kind,
                json(codes("feeder", feeders)), json(codes("transformer_area", areas)), at(startsAt),
                at(estimatedRestoreAt));
        long id = admin.given().contentType(ContentType.JSON).body(json).post("/api/v1/staff/outages").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        step(id, "publish", "{\"version\": %d}");
        return id;
    }

    /** The rows of a published outage, as if its PUBLISHED event was lost: none fired. */
    public long create(String kind, OffsetDateTime startsAt, OffsetDateTime estimatedRestoreAt, List<Integer> feeders,
            List<Integer> areas) throws SQLException {
        long id = (Long) utility.value("""
                insert into outage (kind, status, cause, description, starts_at, estimated_restore_at, published_at)
                values (?, 'PUBLISHED', 'EQUIPMENT_FAULT', 'Test outage', ?, ?, now()) returning id""",
                kind, startsAt, estimatedRestoreAt);
        for (int feeder : feeders) {
            utility.execute("insert into outage_scope (outage_id, feeder_id) values (?, ?)", id, feeder);
        }
        for (int area : areas) {
            utility.execute("insert into outage_scope (outage_id, transformer_area_id) values (?, ?)", id, area);
        }
        return id;
    }

    public void moveEstimate(long outage, OffsetDateTime estimatedRestoreAt) throws SQLException {
        step(outage, "estimate", "{\"version\": %d, \"estimatedRestoreAt\": \"" + at(estimatedRestoreAt) + "\"}");
    }

    /** Power back in one transformer area (its id), the outage still on elsewhere. */
    public void restoreArea(long outage, int area) throws SQLException {
        step(outage, "restore", "{\"version\": %d, \"transformerAreas\": "
                + json(codes("transformer_area", List.of(area))) + "}");
    }

    /** Power back everywhere. */
    public void restore(long outage) throws SQLException {
        step(outage, "restore", "{\"version\": %d}");
    }

    public void cancel(long outage) throws SQLException {
        step(outage, "cancel", "{\"version\": %d}");
    }

    /** Adds a transformer area (its id) to the outage's scope by an edit through the API (PATCH). */
    public void extendTo(long outage, int area) throws SQLException {
        List<String> areas = new ArrayList<>(detail(outage).getList("scope.findAll { it.kind == 'TRANSFORMER_AREA' }.code",
                String.class));
        areas.addAll(codes("transformer_area", List.of(area)));
        changeWith(outage, "{\"version\": %d, \"transformerAreas\": " + json(areas) + "}",
                admin().given().contentType(ContentType.JSON), "PATCH", "/api/v1/staff/outages/" + outage);
    }

    /** Moves the outage's window by an edit through the API (PATCH). */
    public void moveWindow(long outage, OffsetDateTime startsAt, OffsetDateTime estimatedRestoreAt) {
        changeWith(outage, "{\"version\": %d, \"startsAt\": \"" + at(startsAt) + "\", \"estimatedRestoreAt\": \""
                + at(estimatedRestoreAt) + "\"}", admin().given().contentType(ContentType.JSON), "PATCH",
                "/api/v1/staff/outages/" + outage);
    }

    /** Adds a transformer area to a published outage's scope as an edit whose event was lost: none fired. */
    public void addArea(long outage, int area) throws SQLException {
        utility.execute("insert into outage_scope (outage_id, transformer_area_id) values (?, ?)", outage, area);
        utility.execute("update outage set version = version + 1, updated_at = now() where id = ?", outage);
    }

    /** Fires the event again by hand, as a late or repeated one; the future completes when the observers have run. */
    public CompletableFuture<Void> changed(long outage, Change change) {
        try {
            long version = (Integer) utility.value("select version from outage where id = ?", outage);
            return events.fireAsync(new OutageChanged(outage, version, change)).toCompletableFuture()
                    .orTimeout(HANDLED_WITHIN.toSeconds(), TimeUnit.SECONDS).thenApply(event -> null);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A step ({@code POST /api/v1/staff/outages/<id>/<step>}) on the version the outage is at now. */
    private void step(long outage, String step, String jsonWithVersion) {
        changeWith(outage, jsonWithVersion, admin().given().contentType(ContentType.JSON), "POST",
                "/api/v1/staff/outages/" + outage + "/" + step);
    }

    private void changeWith(long outage, String jsonWithVersion, RequestSpecification request, String method,
            String path) {
        int version = detail(outage).getInt("version");
        int changed = request.body(jsonWithVersion.formatted(version)).request(method, path).then().statusCode(200)
                .extract().jsonPath().getInt("version");
        awaitHandled(outage, changed);
    }

    private JsonPath detail(long outage) {
        return admin().given().get("/api/v1/staff/outages/" + outage).then().statusCode(200).extract().jsonPath();
    }

    private void awaitHandled(long outage, int version) {
        long deadline = System.nanoTime() + HANDLED_WITHIN.toNanos();
        while (!handled.contains(outage + ":" + version)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Outage " + outage + " version " + version + " not handled in time");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private SignedInStaff admin() {
        if (admin == null) {
            admin = SignedInStaff.admin(staff, passwords);
        }
        return admin;
    }

    /** The codes the API names feeders or transformer areas by, from their ids. */
    private List<String> codes(String table, List<Integer> ids) throws SQLException {
        List<String> codes = new ArrayList<>();
        for (int id : ids) {
            codes.add((String) utility.value("select code from " + table + " where id = ?", id));
        }
        return codes;
    }

    private static String json(List<String> codes) {
        return codes.stream().map(code -> "\"" + code + "\"").toList().toString();
    }

    /** As clients send times: with seconds (OffsetDateTime's toString leaves zero seconds out). */
    private static String at(OffsetDateTime time) {
        return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
