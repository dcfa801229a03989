package com.gridcare.billing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the tariff tables (configuration kept in the database) into {@link TariffPlan}s. Blocking JDBC. */
public final class TariffRepository {

    private TariffRepository() {
    }

    public static Map<String, TariffPlan> loadAll(Connection connection) throws SQLException {
        Map<String, List<TariffPlan.Tier>> summer = new HashMap<>();
        Map<String, List<TariffPlan.Tier>> nonSummer = new HashMap<>();
        try (var statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select plan_code, season, tier, upper_kwh, price_markup from tariff_tier order by plan_code, season, tier")) {
            while (rows.next()) {
                Integer upper = (Integer) rows.getObject("upper_kwh");
                var tier = new TariffPlan.Tier(rows.getInt("tier"), upper, tenThousandths(rows, "price_markup"));
                var target = "SUMMER".equals(rows.getString("season")) ? summer : nonSummer;
                target.computeIfAbsent(rows.getString("plan_code"), code -> new ArrayList<>()).add(tier);
            }
        }
        Map<String, TariffPlan> plans = new HashMap<>();
        try (var statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select * from tariff_plan")) {
            while (rows.next()) {
                String code = rows.getString("code");
                plans.put(code, new TariffPlan(code,
                        TariffPlan.Pricing.valueOf(rows.getString("pricing")),
                        tenThousandths(rows, "energy_price"),
                        scaled(rows, "peak_ratio", 3),
                        scaled(rows, "valley_ratio", 3),
                        scaled(rows, "demand_charge_per_kva", 2),
                        tenThousandths(rows, "surcharge_per_kwh"),
                        month(rows, "summer_first_month"),
                        month(rows, "summer_last_month"),
                        scaled(rows, "late_fee_daily_rate", 5),
                        scaled(rows, "late_fee_cross_year_daily_rate", 5),
                        List.copyOf(summer.getOrDefault(code, List.of())),
                        List.copyOf(nonSummer.getOrDefault(code, List.of()))));
            }
        }
        return plans;
    }

    private static long tenThousandths(ResultSet rows, String column) throws SQLException {
        return scaled(rows, column, 4);
    }

    /** A numeric column as a long in units of 10^-decimals; null as 0. */
    private static long scaled(ResultSet rows, String column, int decimals) throws SQLException {
        var value = rows.getBigDecimal(column);
        return value == null ? 0 : value.movePointRight(decimals).longValueExact();
    }

    private static Month month(ResultSet rows, String column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : Month.of(value);
    }
}
