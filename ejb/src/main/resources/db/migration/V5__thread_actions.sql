-- Close, reopen, archive and retract: why a thread is closed, and when a thread was last closed
-- or archived by each participant (a message sent before either can no longer be retracted).
alter table conversation add column status_reason varchar(40);
alter table conversation add column last_closed timestamp(6) with time zone;
alter table participant add column last_archived timestamp(6) with time zone;
