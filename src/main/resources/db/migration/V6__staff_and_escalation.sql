-- Staff sign-in, the work on escalations (claims, replies, the SLA) and the audit trail of what staff did.

-- bcrypt hashes ($2a$, 60 characters); null until an admin sets a password (CLI staff-password), so a generated
-- or imported staff member cannot sign in by default.
alter table staff add column password_hash varchar(72);
alter table staff add column password_set_at timestamptz;

-- The question that escalated, for the queue; who works the escalation (claimed_by) is separate from whose queue it
-- sits in (assigned_staff_id: the area's owner, the district supervisor once overdue, null for the general queue).
alter table escalation add column question varchar(1000) not null default '';
alter table escalation add column claimed_by int references staff (id);
alter table escalation add column claimed_at timestamptz;
alter table escalation add column first_response_at timestamptz;
alter table escalation add column resolved_at timestamptz;
create index escalation_claimed_idx on escalation (claimed_by, status);
create index escalation_resident_idx on escalation (resident_id, created_at desc);
-- What the SLA job scans: still waiting for a response and not yet flagged.
create index escalation_response_due_idx on escalation (due_at)
    where status in ('NEW', 'CLAIMED', 'REOPENED') and not overdue;

-- Staff replies to the resident, oldest first; each one also goes out through the outbox.
create table escalation_message (
    id            bigserial primary key,
    escalation_id bigint not null references escalation (id) on delete cascade,
    staff_id      int not null references staff (id),
    body          varchar(2000) not null,
    created_at    timestamptz not null
);
create index escalation_message_escalation_idx on escalation_message (escalation_id, created_at);

-- Every staff action (sign-in, claim, reply, resolve, viewing a customer). No foreign keys on purpose: the record
-- must outlive a reloaded dataset (the generator truncates staff and customers), so the staff number is copied in.
create table staff_audit_log (
    id             bigserial primary key,
    staff_id       int,
    staff_no       varchar(16) not null,
    action         varchar(24) not null,
    escalation_id  bigint,
    customer_id    bigint,
    client_address varchar(64),
    at             timestamptz not null
);
create index staff_audit_log_staff_idx on staff_audit_log (staff_id, at desc);
create index staff_audit_log_escalation_idx on staff_audit_log (escalation_id) where escalation_id is not null;

-- Replies to escalations are a notice topic of their own (residents may choose their channel for them).
alter table contact_preference drop constraint contact_preference_topic_check;
alter table contact_preference add constraint contact_preference_topic_check check (topic in ('BILL_REMINDER',
    'OUTAGE_NOTICE', 'REPAIR_PROGRESS', 'ARREARS_NOTICE', 'MARKETING', 'ESCALATION_REPLY'));
