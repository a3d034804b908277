-- An open thread's details can change. A practitioner the thread moves away from keeps their row,
-- marked with when they left: they see the messages sent until then and none after.
alter table participant add column left_at timestamp(6) with time zone;

-- What changed in a thread's details, by whom and when: the thread shows it as an event line.
create table thread_change (
    id              varchar(64)  not null,
    conversation_id varchar(64)  not null,
    changed         timestamp(6) with time zone not null,
    changed_by_type varchar(20)  not null,
    changed_by_id   varchar(64)  not null,
    details         varchar(100) not null,
    constraint pk_thread_change primary key (id),
    constraint fk_thread_change_conversation foreign key (conversation_id) references conversation (id)
);
create index thread_change_conversation on thread_change (conversation_id, changed);
