package com.gridcare.dashboard;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.dashboard.Rows.ArrearsBucket;
import com.gridcare.dashboard.Rows.ArrearsChart;
import com.gridcare.dashboard.Rows.CollectionChart;
import com.gridcare.dashboard.Rows.CollectionMonth;
import com.gridcare.dashboard.Rows.ConsumptionChart;
import com.gridcare.dashboard.Rows.ConsumptionMonth;
import com.gridcare.dashboard.Rows.EscalationChart;
import com.gridcare.dashboard.Rows.EscalationDay;
import com.gridcare.dashboard.Rows.OutageCause;
import com.gridcare.dashboard.Rows.OutageChart;
import com.gridcare.dashboard.Rows.PaymentChannelChart;
import com.gridcare.dashboard.Rows.PaymentChannelMonth;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The charts' data: sums over the rollups (V21) under a {@link DashboardFilter}, never over the utility's own tables,
 * so an answer reads thousands of rows, not millions. Each answer says when its rollups were last refreshed.
 */
@ApplicationScoped
public class DashboardCharts {

    private static final String REFRESHED_AT = "select min(refreshed_at) from dashboard_refresh where view_name = any($1)";

    private final Pool pool;

    public DashboardCharts(Pool pool) {
        this.pool = pool;
    }

    /** Billed kWh per month, the same month a year before, and the tier mix of tiered households. */
    public Uni<ConsumptionChart> consumption(DashboardFilter filter) {
        List<Object> parameters = new ArrayList<>();
        String where = filter.withTheYearBefore().where("period", parameters);
        String shown = "";
        if (filter.from() != null) {
            parameters.add(filter.from().atDay(1));
            shown = "where m.period >= $" + parameters.size();
        }
        String sql = """
                with months as (
                    select period, sum(kwh) as kwh, sum(bills)::bigint as bills,
                           sum(tier1_households)::bigint as tier1, sum(tier2_households)::bigint as tier2,
                           sum(tier3_households)::bigint as tier3
                      from dashboard_billing_month where %s group by period)
                select to_char(m.period, 'YYYY-MM') as period, m.kwh, p.kwh as previous_kwh, m.bills, m.tier1, m.tier2,
                       m.tier3
                  from months m left join months p on p.period = (m.period - interval '1 year')::date
                 %s
                 order by m.period""".formatted(where, shown);
        return chart(sql, parameters, "dashboard_billing_month", row -> {
            BigDecimal kwh = row.getBigDecimal("kwh");
            BigDecimal before = row.getBigDecimal("previous_kwh");
            Double change = before == null || before.signum() == 0 ? null
                    : kwh.divide(before, MathContext.DECIMAL64).doubleValue() - 1;
            return new ConsumptionMonth(row.getString("period"), kwh, before, change, row.getLong("bills"),
                    row.getLong("tier1"), row.getLong("tier2"), row.getLong("tier3"));
        }).map(result -> new ConsumptionChart(result.refreshedAt(), result.rows()));
    }

    /** Billed against collected per bill period, and the share of bills paid by their due date. */
    public Uni<CollectionChart> collection(DashboardFilter filter) {
        List<Object> parameters = new ArrayList<>();
        String sql = """
                select to_char(period, 'YYYY-MM') as period, sum(bills)::bigint as bills, sum(billed) as billed,
                       sum(collected) as collected, sum(paid_on_time)::bigint as paid_on_time
                  from dashboard_billing_month where %s
                 group by period order by period""".formatted(filter.where("period", parameters));
        return chart(sql, parameters, "dashboard_billing_month", row -> {
            long bills = row.getLong("bills");
            long onTime = row.getLong("paid_on_time");
            return new CollectionMonth(row.getString("period"), bills, row.getBigDecimal("billed"),
                    row.getBigDecimal("collected"), onTime, bills == 0 ? 0 : (double) onTime / bills);
        }).map(result -> new CollectionChart(result.refreshedAt(), result.rows()));
    }

    /** Arrears as of the refresh by days overdue and risk tier; the months do not narrow it (it is a snapshot). */
    public Uni<ArrearsChart> arrears(DashboardFilter filter) {
        List<Object> parameters = new ArrayList<>();
        String sql = """
                select age, risk_tier, sum(bills)::bigint as bills, sum(amount) as amount
                  from dashboard_arrears where %s
                 group by age, risk_tier
                 order by array_position(array['0-30', '31-60', '61-90', '90+'], age::text),
                          array_position(array['HIGH', 'MEDIUM', 'LOW', 'NONE'], risk_tier::text)"""
                .formatted(filter.where(null, parameters));
        return chart(sql, parameters, "dashboard_arrears", row -> new ArrearsBucket(row.getString("age"),
                row.getString("risk_tier"), row.getLong("bills"), row.getBigDecimal("amount")))
                .map(result -> new ArrearsChart(result.refreshedAt(), result.rows()));
    }

    /** Payments per month and payment channel; without a grid area, from the districts' sums. */
    public Uni<PaymentChannelChart> paymentChannels(DashboardFilter filter) {
        List<Object> parameters = new ArrayList<>();
        String view = filter.gridArea() == null ? "dashboard_payment_district_month" : "dashboard_payment_month";
        String sql = """
                select to_char(period, 'YYYY-MM') as period, channel_code, sum(payments)::bigint as payments,
                       sum(amount) as amount
                  from %s where %s
                 group by period, channel_code order by period, channel_code"""
                .formatted(view, filter.where("period", parameters));
        return chart(sql, parameters, view, row -> new PaymentChannelMonth(row.getString("period"),
                row.getString("channel_code"), row.getLong("payments"), row.getBigDecimal("amount")))
                .map(result -> new PaymentChannelChart(result.refreshedAt(), result.rows()));
    }

    /** Outages by cause: how many (one outage over several areas once), customers affected, customer-minutes lost. */
    public Uni<OutageChart> outages(DashboardFilter filter) {
        List<Object> parameters = new ArrayList<>();
        String sql = """
                with f as (select * from dashboard_outage_month where %s),
                     n as (select cause, count(distinct id) as outages from f cross join lateral unnest(f.outage_ids) id
                            group by cause)
                select f.cause, n.outages, sum(f.customers_affected)::bigint as customers,
                       sum(f.customer_minutes)::bigint as minutes
                  from f join n on n.cause = f.cause
                 group by f.cause, n.outages order by minutes desc, f.cause""".formatted(filter.where("period", parameters));
        return chart(sql, parameters, "dashboard_outage_month", row -> new OutageCause(row.getString("cause"),
                row.getLong("outages"), row.getLong("customers"), row.getLong("minutes")))
                .map(result -> new OutageChart(result.refreshedAt(), result.rows()));
    }

    /** Escalations per day: how many, answered within the SLA, resolved, and their average rating. */
    public Uni<EscalationChart> escalations(DashboardFilter filter) {
        List<Object> parameters = new ArrayList<>();
        String sql = """
                select day, sum(escalations)::bigint as escalations, sum(answered_in_time)::bigint as in_time,
                       sum(resolved)::bigint as resolved, sum(rated)::bigint as rated, sum(rating_sum)::bigint as rating_sum
                  from dashboard_escalation_day where %s
                 group by day order by day""".formatted(filter.where("day", parameters));
        return chart(sql, parameters, "dashboard_escalation_day", row -> {
            long count = row.getLong("escalations");
            long rated = row.getLong("rated");
            return new EscalationDay(row.getLocalDate("day"), count, row.getLong("in_time"),
                    count == 0 ? 0 : (double) row.getLong("in_time") / count, row.getLong("resolved"), rated,
                    rated == 0 ? null : (double) row.getLong("rating_sum") / rated);
        }).map(result -> new EscalationChart(result.refreshedAt(), result.rows()));
    }

    /** The districts and tariffs the filters offer. */
    public Uni<Choices> choices() {
        Uni<List<Choices.Option>> districts = pool.query("""
                select distinct district_id, district_code, district_name from dashboard_grid_area order by district_id""")
                .execute().map(rows -> {
                    List<Choices.Option> options = new ArrayList<>();
                    rows.forEach(row -> options.add(new Choices.Option(String.valueOf(row.getInteger(0)),
                            row.getString(1) + " " + row.getString(2))));
                    return options;
                });
        Uni<List<Choices.Option>> tariffs = pool.query("select code, name from dashboard_tariff order by code")
                .execute().map(rows -> {
                    List<Choices.Option> options = new ArrayList<>();
                    rows.forEach(row -> options.add(new Choices.Option(row.getString(0), row.getString(1))));
                    return options;
                });
        return Uni.combine().all().unis(districts, tariffs).with(Choices::new);
    }

    private record Result<T>(OffsetDateTime refreshedAt, List<T> rows) {
    }

    private <T> Uni<Result<T>> chart(String sql, List<Object> parameters, String view, Function<Row, T> mapper) {
        Uni<List<T>> rows = pool.preparedQuery(sql).execute(Tuple.from(parameters)).map(found -> {
            List<T> mapped = new ArrayList<>(found.rowCount());
            found.forEach(row -> mapped.add(mapper.apply(row)));
            return mapped;
        });
        Uni<OffsetDateTime> refreshed = pool.preparedQuery(REFRESHED_AT)
                .execute(Tuple.of(new String[] { view }))
                .map(found -> found.iterator().next().getOffsetDateTime(0));
        return Uni.combine().all().unis(rows, refreshed).with((list, at) -> new Result<>(at, list));
    }
}
