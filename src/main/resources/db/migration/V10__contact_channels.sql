-- Every contact channel gets an adapter: e-mail, automated voice calls, and agent calls and staff visits as tasks in
-- the queue of the customer's own grid service staff. Outcomes are recorded as they happen, never assumed.

-- An administrator may switch a channel off (nothing new goes out on it) as well as change its cost.
alter table contact_channel add column enabled boolean not null default true;

-- A resident's contact e-mail, set by the resident; one per resident, like the mobile they signed in with.
create table contact_email (
    resident_id bigint primary key references resident (id),
    email       varchar(254) not null,
    updated_at  timestamptz not null
);

-- When the resident first saw a message in the app's inbox: the only evidence that an in-app message reached them.
alter table outbox_message add column read_at timestamptz;

-- Outcomes a channel really observes: READ (the inbox opened); a voice call's result; what staff recorded on a task.
-- DELIVERED now only means a provider took the message (SMS, e-mail, WeChat), never "it sits in the inbox".
alter table contact_outcome drop constraint contact_outcome_outcome_check;
alter table contact_outcome add constraint contact_outcome_outcome_check check (outcome in ('DELIVERED', 'FAILED',
    'READ', 'CLICKED', 'PAID', 'REPLIED', 'NO_RESPONSE', 'OPTED_OUT', 'ANSWERED', 'NO_ANSWER', 'BUSY', 'REACHED',
    'PROMISED_TO_PAY', 'NOT_REACHED', 'REFUSED'));
create index contact_outcome_message_idx on contact_outcome (outbox_message_id) where outbox_message_id is not null;

-- Calls the voice provider placed, one per outbox message, until the provider reports how each ended.
create table voice_call (
    call_id           varchar(64) primary key,
    outbox_message_id bigint not null unique references outbox_message (id),
    customer_id       bigint references customer (id),
    placed_at         timestamptz not null,
    result            varchar(12) check (result in ('ANSWERED', 'NO_ANSWER', 'BUSY', 'FAILED')),
    result_at         timestamptz
);

-- Agent calls and staff visits: a task in the queue of the customer's own grid service staff (the grid area's owner;
-- null when the owner is inactive or the customer has no area: then the district's supervisor and admins see it).
create table field_task (
    id                bigserial primary key,
    outbox_message_id bigint not null unique references outbox_message (id),
    kind              varchar(12) not null check (kind in ('AGENT_CALL', 'STAFF_VISIT')),
    customer_id       bigint not null references customer (id),
    grid_area_id      int references grid_area (id),
    assigned_staff_id int references staff (id),
    topic             varchar(24) not null,
    title             varchar(200) not null,
    body              varchar(2000) not null,
    status            varchar(8) not null check (status in ('OPEN', 'CLOSED')),
    outcome           varchar(16) check (outcome in ('REACHED', 'PROMISED_TO_PAY', 'PAID', 'NOT_REACHED', 'REFUSED')),
    note              varchar(1000),
    closed_by         int references staff (id),
    closed_at         timestamptz,
    created_at        timestamptz not null
);
create index field_task_staff_idx on field_task (assigned_staff_id, status, created_at);
create index field_task_area_idx on field_task (grid_area_id, status, created_at);

-- Audited staff actions on things other than escalations name them here ("task:12", "contact-channel:SMS").
alter table staff_audit_log add column subject varchar(64);
