-- Staff manage outages. Detection opens SUSPECTED outages for staff to confirm (they become PUBLISHED) or dismiss;
-- a restored outage is CLOSED once its follow-up is done. Every edit bumps version (optimistic locking: an edit names
-- the version it was made on). Power may come back in stages: a transformer area restored before the whole outage is
-- recorded in outage_area_restoration; the outage's restored_at is when the last one came back.
alter table outage drop constraint outage_status_check;
alter table outage add constraint outage_status_check check (status in ('SUSPECTED', 'DRAFT', 'PUBLISHED', 'RESTORED',
    'CANCELLED', 'CLOSED', 'DISMISSED'));
alter table outage add column version int not null default 1;
alter table outage add column crew_contact varchar(64);
alter table outage add column updated_at timestamptz not null default now();

create table outage_area_restoration (
    outage_id           bigint not null references outage (id) on delete cascade,
    transformer_area_id int not null references transformer_area (id),
    restored_at         timestamptz not null,
    primary key (outage_id, transformer_area_id)
);
