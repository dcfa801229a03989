-- A planned outage whose window staff move after announcing it tells those already told (RESCHEDULED, a round per
-- move, as an unplanned outage's estimate moves). A planned announcement's round records the window it told:
-- starts_told, and estimate_told as the planned end. Rounds are now written in parts (outagenotice.OutageNotices'
-- commit-every), the round's row with the last part: a round cut short has no row and is due again.
alter table outage_notice_round add column starts_told timestamptz;
alter table outage_notice_round drop constraint outage_notice_round_notice_check;
alter table outage_notice_round add constraint outage_notice_round_notice_check
    check (notice in ('AHEAD', 'DAY_BEFORE', 'RESCHEDULED', 'KNOWN', 'ESTIMATE', 'AREA_RESTORED', 'RESTORED',
                      'CANCELLED'));
