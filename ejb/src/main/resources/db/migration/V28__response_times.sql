-- How long the clinic promises to answer, in business days (the clinic's hours are configuration).
alter table clinic_policy add column response_business_days integer default 3 not null;

-- The patient-side message a thread waits on a staff reply for, since when, and when the reply is
-- due; all null while nothing waits. Staff inboxes search the overdue ones by response_due.
alter table conversation add column awaiting_message_id varchar(64);
alter table conversation add column awaiting_since timestamp(6) with time zone;
alter table conversation add column response_due timestamp(6) with time zone;
create index conversation_response_due on conversation (response_due);

-- Each first staff reply to a waiting thread: what the response-time report reads.
create table staff_reply (
    message_id      varchar(64) not null,
    conversation_id varchar(64) not null,
    practitioner_id varchar(64) not null,
    asked           timestamp(6) with time zone not null,
    answered        timestamp(6) with time zone not null,
    constraint pk_staff_reply primary key (message_id),
    constraint fk_staff_reply_conversation foreign key (conversation_id) references conversation (id)
);
create index staff_reply_answered on staff_reply (answered);

-- An overdue thread escalated to the clinic admins, once per message it waited on: the key
-- refuses a second escalation, from another node or after a restart.
create table overdue_escalation (
    message_id      varchar(64) not null,
    conversation_id varchar(64) not null,
    escalated       timestamp(6) with time zone not null,
    constraint pk_overdue_escalation primary key (message_id),
    constraint fk_overdue_escalation_conversation foreign key (conversation_id) references conversation (id)
);

-- Present from the start, so that nodes never race to create it.
insert into scheduled_lease (name, holder, expires)
values ('overdue-escalation', 'nobody', timestamp with time zone '1970-01-01 00:00:00+00');
