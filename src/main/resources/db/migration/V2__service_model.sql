-- Who residents are and which accounts they may see; outages, repairs, FAQ, escalations and outgoing messages.

-- A resident signs in by mobile (app) or WeChat; either way they are one resident with bound accounts.
create table resident (
    id         bigserial primary key,
    mobile     varchar(20) unique,
    created_at timestamptz not null default now()
);

create table wechat_user (
    appid               varchar(32) not null,
    openid              varchar(64) not null,
    unionid             varchar(64),
    resident_id         bigint references resident (id),
    subscribed          boolean not null default false,
    subscribed_at       timestamptz,
    unsubscribed_at     timestamptz,
    last_interaction_at timestamptz,
    primary key (appid, openid)
);
create index wechat_user_resident_idx on wechat_user (resident_id);

-- Several accounts per resident (home, parents' home, a shop); unbinding keeps the row for the audit trail.
create table account_binding (
    id          bigserial primary key,
    resident_id bigint not null references resident (id),
    customer_id bigint not null references customer (id),
    label       varchar(32),
    bound_at    timestamptz not null default now(),
    unbound_at  timestamptz
);
create unique index account_binding_active_uq on account_binding (resident_id, customer_id) where unbound_at is null;
create index account_binding_customer_idx on account_binding (customer_id) where unbound_at is null;

create table outage (
    id                   bigserial primary key,
    kind                 varchar(10) not null check (kind in ('PLANNED', 'UNPLANNED')),
    status               varchar(12) not null check (status in ('DRAFT', 'PUBLISHED', 'RESTORED', 'CANCELLED')),
    cause                varchar(32) not null,
    description          varchar(500) not null,
    starts_at            timestamptz not null,
    estimated_restore_at timestamptz,
    restored_at          timestamptz,
    published_at         timestamptz,
    created_at           timestamptz not null default now(),
    check (estimated_restore_at is null or estimated_restore_at > starts_at)
);
create index outage_active_idx on outage (status, starts_at);

-- Scope: whole feeders and/or single transformer areas; affected customers follow from the network model.
create table outage_scope (
    outage_id           bigint not null references outage (id) on delete cascade,
    feeder_id           int references feeder (id),
    transformer_area_id int references transformer_area (id),
    check ((feeder_id is null) <> (transformer_area_id is null))
);
create index outage_scope_outage_idx on outage_scope (outage_id);
create index outage_scope_feeder_idx on outage_scope (feeder_id) where feeder_id is not null;
create index outage_scope_transformer_area_idx on outage_scope (transformer_area_id) where transformer_area_id is not null;

create table repair_ticket (
    id            bigserial primary key,
    ticket_no     varchar(20) not null unique,
    customer_id   bigint not null references customer (id),
    resident_id   bigint references resident (id),
    outage_id     bigint references outage (id),
    description   varchar(500) not null,
    contact_phone varchar(20) not null,
    photo_urls    text[] not null default '{}',
    status        varchar(12) not null check (status in ('RECEIVED', 'DISPATCHED', 'ON_SITE', 'RESTORED', 'CLOSED', 'LINKED')),
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);
create index repair_ticket_customer_idx on repair_ticket (customer_id, created_at desc);
create index repair_ticket_open_idx on repair_ticket (status, created_at) where status not in ('CLOSED', 'LINKED');

create table repair_ticket_event (
    id         bigserial primary key,
    ticket_id  bigint not null references repair_ticket (id),
    status     varchar(12) not null,
    note       varchar(500),
    staff_id   int references staff (id),
    at         timestamptz not null default now()
);
create index repair_ticket_event_ticket_idx on repair_ticket_event (ticket_id, at);

-- FAQ knowledge base with history: every edit is a new version; retired entries stay for the record.
create table faq_entry (
    topic_id   varchar(64) primary key,
    title      varchar(120) not null,
    answer     text not null,
    phrasings  text[] not null default '{}',
    status     varchar(10) not null check (status in ('ACTIVE', 'RETIRED')),
    version    int not null default 1,
    updated_by int references staff (id),
    updated_at timestamptz not null default now()
);

create table faq_entry_history (
    topic_id   varchar(64) not null references faq_entry (topic_id),
    version    int not null,
    title      varchar(120) not null,
    answer     text not null,
    phrasings  text[] not null,
    status     varchar(10) not null,
    updated_by int references staff (id),
    updated_at timestamptz not null,
    primary key (topic_id, version)
);

create table escalation (
    id                bigserial primary key,
    resident_id       bigint references resident (id),
    customer_id       bigint references customer (id),
    grid_area_id      int references grid_area (id),
    assigned_staff_id int references staff (id),
    channel           varchar(16) not null check (channel in ('WECHAT', 'APP')),
    reason            varchar(24) not null,
    status            varchar(10) not null check (status in ('NEW', 'CLAIMED', 'REPLIED', 'RESOLVED', 'REOPENED')),
    conversation      jsonb not null default '[]',
    due_at            timestamptz not null,
    overdue           boolean not null default false,
    rating            smallint check (rating between 1 and 5),
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);
create index escalation_staff_queue_idx on escalation (assigned_staff_id, status, due_at);
create index escalation_area_queue_idx on escalation (grid_area_id, status, due_at);
create index escalation_open_due_idx on escalation (due_at) where status in ('NEW', 'REOPENED');

-- What each resident wants to hear about, how, and when not.
create table contact_preference (
    resident_id       bigint not null references resident (id),
    topic             varchar(24) not null check (topic in ('BILL_REMINDER', 'OUTAGE_NOTICE', 'REPAIR_PROGRESS', 'ARREARS_NOTICE', 'MARKETING')),
    enabled           boolean not null,
    preferred_channel varchar(24) references contact_channel (code),
    quiet_from        time,
    quiet_until       time,
    updated_at        timestamptz not null default now(),
    primary key (resident_id, topic)
);

-- Transactional outbox: a message is written with the business change that causes it and sent afterwards by a
-- dispatcher; the idempotency key stops the same reminder or notice being queued twice.
create table outbox_message (
    id              bigserial primary key,
    idempotency_key varchar(120) not null unique,
    channel_code    varchar(24) not null references contact_channel (code),
    topic           varchar(24) not null,
    customer_id     bigint references customer (id),
    resident_id     bigint references resident (id),
    recipient       varchar(128) not null,
    payload         jsonb not null,
    status          varchar(10) not null check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'DEAD', 'SKIPPED')),
    attempts        int not null default 0,
    next_attempt_at timestamptz not null default now(),
    locked_by       varchar(64),
    locked_until    timestamptz,
    last_error      varchar(500),
    created_at      timestamptz not null default now(),
    sent_at         timestamptz
);
create index outbox_due_idx on outbox_message (next_attempt_at) where status in ('PENDING', 'FAILED');
create index outbox_resident_idx on outbox_message (resident_id, created_at desc);
create index outbox_customer_idx on outbox_message (customer_id, created_at desc);

-- What came of each contact: the recommender learns channel response from these.
create table contact_outcome (
    id                bigserial primary key,
    outbox_message_id bigint references outbox_message (id),
    customer_id       bigint not null references customer (id),
    channel_code      varchar(24) not null references contact_channel (code),
    outcome           varchar(16) not null check (outcome in ('DELIVERED', 'FAILED', 'READ', 'CLICKED', 'PAID', 'REPLIED', 'NO_RESPONSE', 'OPTED_OUT')),
    occurred_at       timestamptz not null
);
create index contact_outcome_customer_idx on contact_outcome (customer_id, occurred_at desc);

-- Operator data loads: which export files were imported (re-importing the same file is a no-op), and the state of
-- the synthetic-utility generator so an interrupted run can resume or restart cleanly.
create table import_file (
    id          bigserial primary key,
    kind        varchar(16) not null,
    file_name   varchar(255) not null,
    sha256      char(64) not null unique,
    rows_loaded int not null,
    imported_at timestamptz not null default now()
);

create table dataset_generation (
    id          int primary key check (id = 1),
    seed        bigint not null,
    scale       numeric(10, 6) not null,
    as_of       date not null,
    status      varchar(12) not null check (status in ('RUNNING', 'COMPLETE')),
    started_at  timestamptz not null,
    finished_at timestamptz
);

create table dataset_generation_step (
    step         varchar(32) primary key,
    rows_loaded  bigint not null,
    copy_millis  bigint not null, -- streaming the rows in, without rebuilding indexes and foreign keys
    millis       bigint not null,
    completed_at timestamptz not null
);
