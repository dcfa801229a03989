-- What each staff change to an outage changed (field -> new value), by whom and when: the outage's history on its
-- page, and what an edit made on a stale version (409) is told changed since. Detection's SUSPECTED outages start at
-- version 1 without a revision. Like staff_audit_log it copies the staff number and has no foreign key to staff.
create table outage_revision (
    outage_id bigint not null references outage (id) on delete cascade,
    version   int not null,
    action    varchar(16) not null,
    staff_id  int,
    staff_no  varchar(16) not null,
    changes   jsonb not null,
    at        timestamptz not null,
    primary key (outage_id, version)
);
