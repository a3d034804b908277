-- Several nodes on one database: what notifications and scheduled work need lives here, not in
-- one node's memory or JMS journal.

-- Each node's heartbeat: a node whose last_seen is older than the window is gone. "started" is
-- when its current run began: a claim made before that is no longer worked on by anyone.
create table cluster_node (
    name      varchar(100) not null,
    started   timestamp(6) with time zone not null,
    last_seen timestamp(6) with time zone not null,
    constraint pk_cluster_node primary key (name)
);

-- A relayed request stays in the outbox until its listener is done with it; a row whose relaying
-- node is gone is relayed again by another. Rows written before this were relayed already
-- (they were deleted at relay), so none is left to mark.
alter table pending_notification add column relayed_by varchar(100);
alter table pending_notification add column relayed timestamp(6) with time zone;

-- The node whose attempt holds a claim: another node never takes over a claim a live node holds.
-- Earlier claims name no node and count as in doubt, as before.
alter table notification_delivery add column claimed_by varchar(100);

-- When each practitioner last made a request, on whichever node.
create table staff_activity (
    practitioner_id varchar(64) not null,
    last_seen       timestamp(6) with time zone not null,
    constraint pk_staff_activity primary key (practitioner_id)
);

-- Requests that failed their last attempt, for a clinic admin to list and replay from any node.
create table failed_notification (
    message_id      varchar(64) not null,
    party_type      varchar(20) not null,
    party_id        varchar(64) not null,
    conversation_id varchar(64) not null,
    attempts        integer not null,
    queued          timestamp(6) with time zone not null,
    failed          timestamp(6) with time zone not null,
    constraint pk_failed_notification primary key (message_id, party_type, party_id)
);

-- A scheduled job runs on the node that holds its lease; the others skip that period.
create table scheduled_lease (
    name    varchar(64) not null,
    holder  varchar(100) not null,
    expires timestamp(6) with time zone not null,
    constraint pk_scheduled_lease primary key (name)
);
-- Present from the start, so that nodes never race to create it.
insert into scheduled_lease (name, holder, expires)
values ('abandoned-uploads', 'nobody', timestamp with time zone '1970-01-01 00:00:00+00');
