-- Notification requests not yet handed to the JMS queue: written in the message's own
-- transaction (one durable commit per message), deleted in the transaction that puts them on
-- the queue. Any node relays any row: rows are claimed with FOR UPDATE SKIP LOCKED.
create table pending_notification (
    message_id      varchar(64) not null,
    party_type      varchar(20) not null,
    party_id        varchar(64) not null,
    conversation_id varchar(64) not null,
    requested       timestamp(6) with time zone not null,
    constraint pk_pending_notification primary key (message_id, party_type, party_id)
);
