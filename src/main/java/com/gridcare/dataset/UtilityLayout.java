package com.gridcare.dataset;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.SplittableRandom;

import com.gridcare.common.CopyRowWriter;

/**
 * The utility's organisation and network, laid out in memory from the request so every step can place a customer
 * without reading the database: districts; one grid area per grid service staff member (209 HV and 1,429 LV at full
 * scale); substations → feeders → transformer areas of 50–300 LV customers; HV customers on feeders directly.
 * <p>
 * Low-voltage customers are indices {@code 0 .. lvCustomers-1} in transformer-area order, high-voltage customers follow.
 */
final class UtilityLayout {

    private static final int TRANSFORMER_AREAS_PER_FEEDER = 12;
    private static final int FEEDERS_PER_SUBSTATION = 8;
    private static final double CENTER_LATITUDE = 23.13;
    private static final double CENTER_LONGITUDE = 113.27;

    final int customers;
    final int hvCustomers;
    final int lvCustomers;
    final int districts;
    final int hvAreas;
    final int lvAreas;
    final int transformerAreas;
    final int feeders;
    final int substations;
    /** First LV customer index of each transformer area, plus one past the end. */
    final int[] transformerAreaStart;
    final double[] districtLatitude;
    final double[] districtLongitude;
    private final long seed;

    UtilityLayout(GenerationRequest request) {
        this.seed = request.seed();
        customers = request.customers();
        hvCustomers = Math.min(request.hvCustomers(), customers);
        lvCustomers = customers - hvCustomers;
        hvAreas = (int) Math.max(1, Math.round(GenerationRequest.FULL_SCALE_HV_STAFF * request.scale()));
        lvAreas = (int) Math.max(1, Math.round(GenerationRequest.FULL_SCALE_LV_STAFF * request.scale()));
        districts = Math.min(12, Math.max(2, (hvAreas + lvAreas + 99) / 100));

        SplittableRandom random = Seeds.random(seed, 0, Seeds.LAYOUT);
        int[] starts = new int[lvCustomers / 50 + 2];
        int count = 0;
        for (int next = 0; next < lvCustomers; count++) {
            starts[count] = next;
            next += 50 + random.nextInt(251);
        }
        starts[count] = lvCustomers;
        transformerAreas = Math.max(1, count);
        transformerAreaStart = Arrays.copyOf(starts, transformerAreas + 1);
        transformerAreaStart[transformerAreas] = lvCustomers;
        feeders = Math.max(1, (transformerAreas + TRANSFORMER_AREAS_PER_FEEDER - 1) / TRANSFORMER_AREAS_PER_FEEDER);
        substations = Math.max(1, (feeders + FEEDERS_PER_SUBSTATION - 1) / FEEDERS_PER_SUBSTATION);

        districtLatitude = new double[districts];
        districtLongitude = new double[districts];
        for (int d = 0; d < districts; d++) {
            double angle = 2 * Math.PI * d / districts;
            double radius = d == 0 ? 0 : 0.12 + 0.04 * (d % 3);
            districtLatitude[d] = CENTER_LATITUDE + radius * Math.sin(angle);
            districtLongitude[d] = CENTER_LONGITUDE + radius * Math.cos(angle);
        }
    }

    // --- ids: all 1-based; staff 1..hvAreas+lvAreas own the grid area of the same id ----------------------------

    int lvAreaOfTransformerArea(int transformerArea) {
        return hvAreas + 1 + (int) ((long) transformerArea * lvAreas / transformerAreas);
    }

    int hvAreaOfCustomer(int hvIndex) {
        return 1 + (int) ((long) hvIndex * hvAreas / Math.max(1, hvCustomers));
    }

    int districtOfArea(int areaId) {
        return areaId <= hvAreas
                ? 1 + (int) ((long) (areaId - 1) * districts / hvAreas)
                : 1 + (int) ((long) (areaId - hvAreas - 1) * districts / lvAreas);
    }

    int feederOfTransformerArea(int transformerArea) {
        return 1 + transformerArea / TRANSFORMER_AREAS_PER_FEEDER;
    }

    int feederOfHvCustomer(int hvIndex) {
        return 1 + hvIndex % feeders;
    }

    int supervisorOf(int district) {
        return hvAreas + lvAreas + district;
    }

    // --- the NETWORK step ---------------------------------------------------------------------------------------

    /** Writes districts, staff, grid areas, substations, feeders and transformer areas; returns the rows written. */
    long writeNetwork(Connection connection, Vocabulary words, GenerationProgress progress) throws SQLException {
        long rows = 0;
        try (var out = CopyRowWriter.open(connection, "district", "id, code, name", true)) {
            for (int d = 1; d <= districts; d++) {
                out.number(d).text("D%02d".formatted(d)).text(words.districts()[(d - 1) % words.districts().length]);
                out.endRow();
            }
            rows += out.finish();
        }
        try (var out = CopyRowWriter.open(connection, "staff",
                "id, staff_no, name, mobile, role, voltage_class, district_id, active", true)) {
            int agents = hvAreas + lvAreas;
            for (int id = 1; id <= agents + districts + 1; id++) {
                SplittableRandom random = Seeds.random(seed, id, Seeds.STAFF);
                String role = id <= agents ? "AGENT" : id <= agents + districts ? "SUPERVISOR" : "ADMIN";
                out.number(id).text("S%05d".formatted(id)).text(People.personName(words, random))
                        .text(People.mobile(random)).text(role);
                if (id <= agents) {
                    out.text(id <= hvAreas ? "HV" : "LV").number(districtOfArea(id));
                } else if (id <= agents + districts) {
                    out.nullValue().number(id - agents);
                } else {
                    out.nullValue().nullValue();
                }
                out.bool(true).endRow();
            }
            rows += out.finish();
        }
        try (var out = CopyRowWriter.open(connection, "grid_area",
                "id, code, name, district_id, voltage_class, owner_staff_id", true)) {
            for (int id = 1; id <= hvAreas + lvAreas; id++) {
                boolean hv = id <= hvAreas;
                int district = districtOfArea(id);
                String name = words.districts()[(district - 1) % words.districts().length] + (hv ? "HV" : "")
                        + id + words.gridArea();
                out.number(id).text((hv ? "GH" : "GL") + "%05d".formatted(id)).text(name).number(district)
                        .text(hv ? "HV" : "LV").number(id).endRow();
            }
            rows += out.finish();
        }
        try (var out = CopyRowWriter.open(connection, "substation", "id, code, name, district_id", true)) {
            for (int id = 1; id <= substations; id++) {
                int district = districtOfSubstation(id);
                out.number(id).text("SS%04d".formatted(id))
                        .text(words.roads()[id % words.roads().length] + id + words.substation()).number(district)
                        .endRow();
            }
            rows += out.finish();
        }
        try (var out = CopyRowWriter.open(connection, "feeder", "id, code, name, substation_id", true)) {
            for (int id = 1; id <= feeders; id++) {
                out.number(id).text("F%05d".formatted(id)).text("10kV" + "F%05d".formatted(id) + words.feeder())
                        .number(1 + (id - 1) / FEEDERS_PER_SUBSTATION).endRow();
            }
            rows += out.finish();
        }
        try (var out = CopyRowWriter.open(connection, "transformer_area",
                "id, code, name, feeder_id, grid_area_id, capacity_kva, latitude, longitude", true)) {
            for (int t = 0; t < transformerAreas; t++) {
                SplittableRandom random = Seeds.random(seed, t, Seeds.TRANSFORMER_AREA);
                int area = lvAreaOfTransformerArea(t);
                int district = districtOfArea(area) - 1;
                int size = transformerAreaStart[t + 1] - transformerAreaStart[t];
                long latitude = Math.round((districtLatitude[district] + random.nextGaussian() * 0.03) * 1_000_000);
                long longitude = Math.round((districtLongitude[district] + random.nextGaussian() * 0.03) * 1_000_000);
                out.number(t + 1).text("T%06d".formatted(t + 1))
                        .text(words.estates()[t % words.estates().length] + (t + 1) + words.transformerArea())
                        .number(feederOfTransformerArea(t)).number(area).number(size < 120 ? 315 : size < 220 ? 500 : 800);
                out.text(micro(latitude)).text(micro(longitude)).endRow();
            }
            rows += out.finish();
        }
        progress.advance(rows);
        return rows;
    }

    long networkRows() {
        return districts + (hvAreas + lvAreas + districts + 1) + (hvAreas + lvAreas) + substations + feeders
                + transformerAreas;
    }

    private int districtOfSubstation(int substation) {
        int firstFeeder = (substation - 1) * FEEDERS_PER_SUBSTATION + 1;
        int firstTransformerArea = Math.min(transformerAreas - 1, (firstFeeder - 1) * TRANSFORMER_AREAS_PER_FEEDER);
        return districtOfArea(lvAreaOfTransformerArea(firstTransformerArea));
    }

    private static String micro(long value) {
        String sign = value < 0 ? "-" : "";
        long abs = Math.abs(value);
        return sign + abs / 1_000_000 + "." + "%06d".formatted(abs % 1_000_000);
    }
}
