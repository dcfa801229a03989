-- Delivery receipts: a provider's later word on whether a message it took reached the resident (an SMS provider's
-- receipt, WeChat's template send-job event). A message has at most one: receipt_at says it came.
alter table outbox_message add column receipt_at timestamptz;

-- The msgid WeChat answered a template message with, which its TEMPLATESENDJOBFINISH event names. Not unique: the ids
-- come from WeChat, and a collision between two official accounts must not stop a message being recorded as sent.
alter table outbox_message add column template_msgid bigint;
create index outbox_template_msgid_idx on outbox_message (template_msgid) where template_msgid is not null;
