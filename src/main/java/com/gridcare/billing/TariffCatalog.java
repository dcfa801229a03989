package com.gridcare.billing;

import java.math.BigDecimal;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The tariff tables for request paths: read once through the reactive client and kept in memory (a handful of rows
 * that change a few times a year). The blocking {@link TariffRepository} serves the generator; both build the same
 * {@link TariffPlan}s, so {@link BillCalculator} prices a bill identically wherever it runs.
 */
@ApplicationScoped
public class TariffCatalog {

    private final Pool pool;
    private volatile Map<String, TariffPlan> plans;

    public TariffCatalog(Pool pool) {
        this.pool = pool;
    }

    /** Every plan by code, from memory after the first call. */
    public Uni<Map<String, TariffPlan>> all() {
        Map<String, TariffPlan> loaded = plans;
        return loaded != null ? Uni.createFrom().item(loaded) : load();
    }

    /** Forgets the loaded tables, for when staff edit them; the next call reads them again. */
    public void reload() {
        plans = null;
    }

    // Two callers racing at start both load; the tables are tiny and the results equal, so no lock is needed.
    private Uni<Map<String, TariffPlan>> load() {
        return pool.query("select plan_code, season, tier, upper_kwh, price_markup from tariff_tier order by plan_code, season, tier")
                .execute()
                .flatMap(tierRows -> {
                    Map<String, List<TariffPlan.Tier>> summer = new HashMap<>();
                    Map<String, List<TariffPlan.Tier>> nonSummer = new HashMap<>();
                    for (Row row : tierRows) {
                        var tier = new TariffPlan.Tier(row.getInteger("tier"), row.getInteger("upper_kwh"),
                                scaled(row, "price_markup", 4));
                        var target = "SUMMER".equals(row.getString("season")) ? summer : nonSummer;
                        target.computeIfAbsent(row.getString("plan_code"), code -> new ArrayList<>()).add(tier);
                    }
                    return pool.query("select * from tariff_plan").execute().map(planRows -> {
                        Map<String, TariffPlan> byCode = new HashMap<>();
                        for (Row row : planRows) {
                            String code = row.getString("code");
                            byCode.put(code, new TariffPlan(code,
                                    TariffPlan.Pricing.valueOf(row.getString("pricing")),
                                    scaled(row, "energy_price", 4),
                                    scaled(row, "peak_ratio", 3),
                                    scaled(row, "valley_ratio", 3),
                                    scaled(row, "demand_charge_per_kva", 2),
                                    scaled(row, "surcharge_per_kwh", 4),
                                    month(row, "summer_first_month"),
                                    month(row, "summer_last_month"),
                                    scaled(row, "late_fee_daily_rate", 5),
                                    scaled(row, "late_fee_cross_year_daily_rate", 5),
                                    List.copyOf(summer.getOrDefault(code, List.of())),
                                    List.copyOf(nonSummer.getOrDefault(code, List.of()))));
                        }
                        Map<String, TariffPlan> result = Map.copyOf(byCode);
                        plans = result;
                        return result;
                    });
                });
    }

    /** A numeric column as a long in units of 10^-decimals; null as 0 (as {@link TariffRepository} does). */
    private static long scaled(Row row, String column, int decimals) {
        BigDecimal value = row.getBigDecimal(column);
        return value == null ? 0 : value.movePointRight(decimals).longValueExact();
    }

    private static Month month(Row row, String column) {
        Short value = row.getShort(column);
        return value == null ? null : Month.of(value);
    }
}
