-- Bill reminders (package reminder): every decision the planner takes for a bill and a step, whether it contacted the
-- customer or not ("no contact" is a decision the learner learns from too), and what the channel recommender has
-- learned from the outcomes.

create table reminder (
    id                bigserial primary key,
    bill_id           bigint not null references bill (id),
    customer_id       bigint not null references customer (id),
    step              varchar(10) not null check (step in ('EARLY', 'DUE_SOON', 'OVERDUE', 'ARREARS')),
    -- null: the planner decided that no contact was worth its cost
    channel_code      varchar(24) references contact_channel (code),
    outbox_message_id bigint unique references outbox_message (id),
    planned_at        timestamptz not null,
    due_date          date not null,
    bill_amount       numeric(14, 2) not null,
    -- the value of this bill being paid on time (bill amount × gridcare.reminders.value-rate)
    value_on_time     numeric(14, 2) not null,
    risk_probability  double precision,
    risk_tier         varchar(6),
    -- why: per reachable channel the expected uplift, the sampled uplift, the cost and the net value; the payment
    -- channel offered inside the reminder, if any
    expected          jsonb not null,
    payment_offer     varchar(24) references payment_channel (code),
    -- filled once the bill's outcome is known and the learner has taken it in
    outcome           varchar(14) check (outcome in ('PAID_ON_TIME', 'PAID_LATE', 'UNPAID')),
    settled_at        timestamptz,
    unique (bill_id, step)
);
create index reminder_customer_idx on reminder (customer_id, planned_at desc);
create index reminder_unsettled_idx on reminder (due_date) where outcome is null;

-- Per customer: the evidence for paying on time without a contact (channel_code 'NONE') and, per channel, for a
-- contact making a customer pay on time who would not have. Counts are fractional: a payment after a contact is
-- credited to the contact only with the probability that the contact caused it.
create table channel_evidence (
    customer_id  bigint not null references customer (id) on delete cascade,
    channel_code varchar(24) not null,
    successes    double precision not null default 0 check (successes >= 0),
    failures     double precision not null default 0 check (failures >= 0),
    contacts     int not null default 0,
    last_contact timestamptz,
    primary key (customer_id, channel_code)
);

-- Per channel: the online logistic model that maps a customer's features to the prior chance that a contact on the
-- channel makes them pay on time (the segment every customer is shrunk toward); 'NONE': paying on time uncontacted.
create table channel_response_model (
    channel_code varchar(24) primary key,
    weights      jsonb not null,
    observations double precision not null,
    updated_at   timestamptz not null
);
