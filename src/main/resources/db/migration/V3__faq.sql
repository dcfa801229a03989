-- Questions the FAQ bot could not answer well, for staff to turn into knowledge-base entries. One row per event;
-- staff see them grouped by the normalised question (what the bot compares), most frequent first.
create table faq_unanswered (
    id          bigserial primary key,
    question    varchar(500) not null,
    normalised  varchar(500) not null,
    reason      varchar(16) not null check (reason in ('NOT_SURE', 'OUT_OF_SCOPE', 'UNHELPFUL')),
    topic_id    varchar(64),
    confidence  real,
    created_at  timestamptz not null default now()
);
create index faq_unanswered_normalised_idx on faq_unanswered (normalised);
create index faq_unanswered_created_idx on faq_unanswered (created_at);
