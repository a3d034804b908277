-- Patient merge: the source record points at the record it was merged into, and remembers
-- whether it was active, so that an unmerge gives it back as it was.
alter table patient add column replaced_by varchar(64);
alter table patient add column active_before_merge boolean;

-- Each thread a merge closed, with the state it had before, for the unmerge to restore exactly.
create table merged_thread (
    conversation_id        varchar(64)  not null primary key references conversation (id),
    source_patient_id      varchar(64)  not null references patient (id),
    previous_status        varchar(20)  not null,
    previous_status_reason varchar(40),
    previous_last_closed   timestamp(6) with time zone
);
create index merged_thread_source on merged_thread (source_patient_id);
