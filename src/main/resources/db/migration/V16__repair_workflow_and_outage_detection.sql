-- Staff move repair tickets: a dispatched ticket names the crew sent and how to reach them.
alter table repair_ticket add column crew_name varchar(64);
alter table repair_ticket add column crew_contact varchar(32);

-- Outage detection: each fault signal (a new repair report, a resident telling the bot their power is out) from a
-- customer of a transformer area. Enough distinct customers of one area within the window open a SUSPECTED outage.
create table outage_signal (
    id                  bigserial primary key,
    transformer_area_id int not null references transformer_area (id),
    customer_id         bigint not null references customer (id),
    source              varchar(8) not null check (source in ('REPAIR', 'CHAT')),
    at                  timestamptz not null
);
create index outage_signal_area_idx on outage_signal (transformer_area_id, at);
