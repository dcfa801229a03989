-- A question on staff's unanswered list is handled once a knowledge-base topic has been written for it (the console's
-- "create FAQ entry"): it leaves the list, and comes back only if residents keep asking it in that form.
alter table faq_unanswered add column handled_at timestamptz;
alter table faq_unanswered add column handled_topic_id varchar(64);
drop index faq_unanswered_normalised_idx;
create index faq_unanswered_open_idx on faq_unanswered (normalised) where handled_at is null;
