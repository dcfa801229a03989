-- The operations dashboard (package dashboard): aggregates of other packages' tables, computed by PostgreSQL into
-- rollup tables that the dashboard alone reads. The SQL that reads billing's, risk's, outage's and escalation's tables
-- lives here, one view `<rollup>_source` per rollup, so the Java of the dashboard touches nothing but the rollups.
--
-- dashboard_rebuild(rollup) fills a scratch table from the source view with CREATE TABLE AS (which may use parallel
-- workers), then replaces the rollup's rows with those in one short transaction: readers keep seeing the previous rows
-- until it commits and are never blocked (DELETE and INSERT take no lock a SELECT waits for). Materialised views
-- refreshed CONCURRENTLY were tried first: that runs the query in one process without parallel workers and then
-- compares old and new rows, over five minutes at full scale on the shared two cores. The tables start empty; the
-- first refresh (at start, on the schedule or on demand) fills them.
--
-- The rollups key by grid area (0 for a customer without one), voltage class and tariff, so any filter of the
-- dashboard is a sum over them; the payments by channel are many rows per area, so they have a district-level rollup
-- as well for unfiltered answers. Months and days are the utility's (Asia/Shanghai, gridcare.time-zone's default).

-- The areas and districts, for the filters and for resolving a grid area's code.
create view dashboard_grid_area as
select g.id, g.code, g.name, g.voltage_class, g.district_id, d.code as district_code, d.name as district_name
  from grid_area g
  join district d on d.id = g.district_id;

-- The tariffs, for the filters.
create view dashboard_tariff as
select code, name, voltage_class from tariff_plan;

-- Consumption, billing and collection per bill period: one pass over the bills, grouped before the grid area is joined.
create view dashboard_billing_month_source as
select coalesce(a.grid_area_id, 0) as grid_area_id, coalesce(g.district_id, 0) as district_id, a.voltage_class,
       a.tariff_code, a.period, a.bills, a.kwh, a.tier1_households, a.tier2_households, a.tier3_households, a.billed,
       a.collected, a.paid_on_time
  from (select c.grid_area_id, c.voltage_class, b.tariff_code, b.period,
               count(*) as bills,
               sum(b.kwh_total) as kwh,
               -- the tier mix: tiered households by the highest tier their bill reached
               count(*) filter (where b.tier1_kwh is not null and coalesce(b.tier2_kwh, 0) = 0
                                  and coalesce(b.tier3_kwh, 0) = 0) as tier1_households,
               count(*) filter (where coalesce(b.tier2_kwh, 0) > 0 and coalesce(b.tier3_kwh, 0) = 0) as tier2_households,
               count(*) filter (where coalesce(b.tier3_kwh, 0) > 0) as tier3_households,
               sum(b.total_amount) as billed,
               sum(b.paid_amount) as collected,
               count(*) filter (where b.settled_at is not null
                                  and (b.settled_at at time zone 'Asia/Shanghai')::date <= b.due_date) as paid_on_time
          from bill b
          join customer c on c.id = b.customer_id
         group by 1, 2, 3, 4) a
  -- joined after summing: once per group, not once per bill
  left join grid_area g on g.id = a.grid_area_id;
create table dashboard_billing_month as select * from dashboard_billing_month_source with no data;
alter table dashboard_billing_month add primary key (grid_area_id, voltage_class, tariff_code, period);

-- Payments by the channel they came through, per calendar month of payment (Asia/Shanghai).
create view dashboard_payment_month_source as
select coalesce(a.grid_area_id, 0) as grid_area_id, coalesce(g.district_id, 0) as district_id, a.voltage_class,
       a.tariff_code, a.period, a.channel_code, a.payments, a.amount
  from (select c.grid_area_id, c.voltage_class, c.tariff_code,
               (date_trunc('month', p.paid_at at time zone 'Asia/Shanghai'))::date as period,
               p.channel_code,
               count(*) as payments,
               sum(p.amount + p.late_fee) as amount
          from payment p
          join customer c on c.id = p.customer_id
         group by 1, 2, 3, 4, 5) a
  left join grid_area g on g.id = a.grid_area_id;
create table dashboard_payment_month as select * from dashboard_payment_month_source with no data;
alter table dashboard_payment_month add primary key (grid_area_id, voltage_class, tariff_code, period, channel_code);

-- The same summed over a district's areas: what an answer without a grid area reads (built after the area rollup).
create view dashboard_payment_district_month_source as
select district_id, voltage_class, tariff_code, period, channel_code,
       sum(payments)::bigint as payments, sum(amount) as amount
  from dashboard_payment_month
 group by 1, 2, 3, 4, 5;
create table dashboard_payment_district_month as select * from dashboard_payment_district_month_source with no data;
alter table dashboard_payment_district_month add primary key (district_id, voltage_class, tariff_code, period, channel_code);

-- Arrears at the time of the refresh: bills past due and not fully paid, by days overdue and the account's risk tier.
create view dashboard_arrears_source as
select coalesce(c.grid_area_id, 0) as grid_area_id,
       coalesce(g.district_id, 0) as district_id,
       c.voltage_class,
       b.tariff_code,
       coalesce(r.tier, 'NONE') as risk_tier,
       case when today.day - b.due_date <= 30 then '0-30'
            when today.day - b.due_date <= 60 then '31-60'
            when today.day - b.due_date <= 90 then '61-90'
            else '90+' end as age,
       count(*) as bills,
       sum(b.total_amount - b.paid_amount) as amount
  from (select (now() at time zone 'Asia/Shanghai')::date as day) today
  join bill b on b.status <> 'PAID' and b.due_date < today.day
  join customer c on c.id = b.customer_id
  left join grid_area g on g.id = c.grid_area_id
  left join risk_score r on r.customer_id = b.customer_id
 group by 1, 2, 3, 4, 5, 6;
create table dashboard_arrears as select * from dashboard_arrears_source with no data;
alter table dashboard_arrears add primary key (grid_area_id, voltage_class, tariff_code, risk_tier, age);

-- Outages that happened, per grid area, month of start and cause: their ids (one outage over several areas is one
-- outage in a sum), customers affected, customer-minutes lost (ongoing ones up to the refresh).
create view dashboard_outage_month_source as
with happened as (
    select o.id, o.cause, o.starts_at, coalesce(o.restored_at, now()) as ended_at
      from outage o
     where o.status in ('PUBLISHED', 'RESTORED', 'CLOSED') and o.starts_at <= now()
), affected as (
    select h.id as outage_id, c.id as customer_id
      from happened h
      join outage_scope s on s.outage_id = h.id
      join customer c on c.feeder_id = s.feeder_id
     where c.status <> 'CLOSED'
    union
    select h.id, c.id
      from happened h
      join outage_scope s on s.outage_id = h.id
      join customer c on c.transformer_area_id = s.transformer_area_id
     where c.status <> 'CLOSED'
)
select coalesce(c.grid_area_id, 0) as grid_area_id,
       coalesce(g.district_id, 0) as district_id,
       c.voltage_class,
       c.tariff_code,
       (date_trunc('month', h.starts_at at time zone 'Asia/Shanghai'))::date as period,
       h.cause,
       array_agg(distinct h.id) as outage_ids,
       count(*) as customers_affected,
       sum(greatest(0, extract(epoch from least(coalesce(ar.restored_at, h.ended_at), h.ended_at) - h.starts_at)
                       / 60))::bigint as customer_minutes
  from affected a
  join happened h on h.id = a.outage_id
  join customer c on c.id = a.customer_id
  left join grid_area g on g.id = c.grid_area_id
  left join outage_area_restoration ar on ar.outage_id = h.id and ar.transformer_area_id = c.transformer_area_id
 group by 1, 2, 3, 4, 5, 6;
create table dashboard_outage_month as select * from dashboard_outage_month_source with no data;
alter table dashboard_outage_month add primary key (grid_area_id, voltage_class, tariff_code, period, cause);

-- Escalations per day opened: answered within the SLA, resolved, rated.
create view dashboard_escalation_day_source as
select coalesce(e.grid_area_id, 0) as grid_area_id,
       coalesce(g.district_id, 0) as district_id,
       coalesce(c.voltage_class, 'NONE') as voltage_class,
       coalesce(c.tariff_code, 'NONE') as tariff_code,
       (e.created_at at time zone 'Asia/Shanghai')::date as day,
       count(*) as escalations,
       count(*) filter (where e.first_response_at is not null and e.first_response_at <= e.due_at) as answered_in_time,
       count(*) filter (where e.status = 'RESOLVED') as resolved,
       count(e.rating) as rated,
       coalesce(sum(e.rating), 0) as rating_sum
  from escalation e
  left join customer c on c.id = e.customer_id
  left join grid_area g on g.id = e.grid_area_id
 group by 1, 2, 3, 4, 5;
create table dashboard_escalation_day as select * from dashboard_escalation_day_source with no data;
alter table dashboard_escalation_day add primary key (grid_area_id, voltage_class, tariff_code, day);
create index dashboard_billing_month_district_idx on dashboard_billing_month (district_id, period);

-- One rollup rebuilt from its source view; returns the rows it now holds. The caller sets the transaction's work_mem
-- and planner settings (dashboard.DashboardRollups).
create function dashboard_rebuild(rollup text) returns bigint language plpgsql as $$
declare
    scratch text := rollup || '_next';
    filled bigint;
begin
    execute format('drop table if exists %I', scratch);
    execute format('create unlogged table %I as select * from %I', scratch, rollup || '_source');
    execute format('delete from %I', rollup);
    execute format('insert into %I select * from %I', rollup, scratch);
    get diagnostics filled = row_count;
    execute format('drop table %I', scratch);
    return filled;
end
$$;

-- When each rollup was last rebuilt and how long it took: the "as of" of every answer.
create table dashboard_refresh (
    view_name    varchar(63) primary key,
    refreshed_at timestamptz not null,
    millis       bigint not null
);
