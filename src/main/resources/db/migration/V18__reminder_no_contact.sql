-- Most of a day's reminder decisions are "no contact" (at full scale 1.47 M of 1.83 M). They get a narrow table of
-- their own: what the learner needs (the features it decided by, settled once the bill's outcome is known) and what
-- staff see of them (the best channel's expectation, which was not worth its cost). No foreign keys and no JSON: the
-- planner streams them in with COPY, and a check of bill and customer per row cost more than the row (BENCHMARKS.md).
-- `reminder` keeps the contacts with every reachable channel's expectation. A bill's step is decided once: it is in
-- one table or the other, never both (the planner holds an advisory lock and skips steps found in either).
create table reminder_no_contact (
    bill_id          bigint not null,
    step             varchar(10) not null check (step in ('EARLY', 'DUE_SOON', 'OVERDUE', 'ARREARS')),
    customer_id      bigint not null,
    planned_at       timestamptz not null,
    due_date         date not null,
    bill_amount      numeric(14, 2) not null,
    value_on_time    numeric(14, 2) not null,
    risk_tier        varchar(6),
    -- the best reachable channel and what was expected of it; null when none was allowed (refused topic, weekly cap)
    best_channel     varchar(24),
    best_uplift_mean real,
    best_uplift_drawn real,
    best_cost        real,
    best_net_value   real,
    -- Features.NAMES, as the decision read them
    features         real[] not null,
    outcome          varchar(14) check (outcome in ('PAID_ON_TIME', 'PAID_LATE', 'UNPAID')),
    settled_at       timestamptz,
    primary key (bill_id, step)
);
create index reminder_no_contact_customer_idx on reminder_no_contact (customer_id, planned_at desc);
create index reminder_no_contact_unsettled_idx on reminder_no_contact (due_date) where outcome is null;

-- A contact's features move out of its `expected` JSON into a column like the no-contact decisions', so settlement
-- reads both alike; the JSON keeps the channels' expectations.
alter table reminder add column features real[];
update reminder set features = array(select jsonb_array_elements_text(expected -> 'features')::real),
                    expected = expected - 'features';
-- earlier decisions without a channel move to the new table
insert into reminder_no_contact (bill_id, step, customer_id, planned_at, due_date, bill_amount, value_on_time,
                                 risk_tier, best_channel, best_uplift_mean, best_uplift_drawn, best_cost,
                                 best_net_value, features, outcome, settled_at)
select bill_id, step, customer_id, planned_at, due_date, bill_amount, value_on_time, risk_tier,
       best ->> 'channel', (best ->> 'upliftMean')::real, (best ->> 'upliftDrawn')::real, (best ->> 'cost')::real,
       (best ->> 'netValue')::real, features, outcome, settled_at
  from (select *, expected -> 'channels' -> 0 as best from reminder where channel_code is null) m;
delete from reminder where channel_code is null;
alter table reminder alter column features set not null, alter column channel_code set not null;
