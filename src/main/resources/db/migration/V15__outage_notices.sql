-- Proactive outage notices (outagenotice). Each notice of an outage goes out in rounds: a round is one fan-out to the
-- affected customers, written in one transaction with its outbox messages, so a round an instance crashed in left
-- nothing and is simply due again. The announcements (ahead, day before, "we know") are round 0; each move of an
-- unplanned outage's estimate by the configured step is a new ESTIMATE round with the estimate it told; power back in
-- one transformer area is an AREA_RESTORED round numbered by the area. outage_version is the outage's version a round
-- last ran on: an edit whose event was lost still reaches the customers the scope gained at the next catch-up run.
-- outage_notified_customer lists the customers an outage was announced to: its cancellation, restoration and
-- estimate updates reach exactly them.
create table outage_notice_round (
    outage_id      bigint not null references outage (id) on delete cascade,
    notice         varchar(16) not null check (notice in ('AHEAD', 'DAY_BEFORE', 'KNOWN', 'ESTIMATE', 'AREA_RESTORED',
                                                          'RESTORED', 'CANCELLED')),
    round          int not null,
    estimate_told  timestamptz,
    written_at     timestamptz not null,
    outage_version int not null,
    messages       int not null,
    primary key (outage_id, notice, round)
);

create table outage_notified_customer (
    outage_id   bigint not null references outage (id) on delete cascade,
    customer_id bigint not null references customer (id),
    primary key (outage_id, customer_id)
);
