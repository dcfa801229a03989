-- The outbox dispatcher: it claims due messages and, when an instance stopped mid-send, those whose lease ran out;
-- the WeChat channels find a follower's official account by the openid alone (openids are per account).
create index outbox_lease_idx on outbox_message (locked_until) where status = 'SENDING';
create index wechat_user_openid_idx on wechat_user (openid);
