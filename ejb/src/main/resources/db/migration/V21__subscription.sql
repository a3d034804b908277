-- Topic-based subscriptions of integration engines (FHIR Subscriptions, R5 backport on R4).
-- A subscription row is also its delivery state: what was delivered, when to try next, and which
-- node holds the current attempt (claimed_by until claimed_until), so that one node at a time
-- delivers a subscription's notifications, in order, and another takes over once a claim lapses.
create table topic_subscription (
    id                     varchar(64) not null,
    owner                  varchar(100) not null,
    endpoint               varchar(1000) not null,
    status                 varchar(20) not null,
    recipient_practitioner varchar(64),
    recipient_clinic       boolean not null,
    patient_id             varchar(64),
    heartbeat_seconds      integer,
    events_since_start     bigint not null,
    delivered_through      bigint not null,
    failures               integer not null,
    next_attempt           timestamp(6) with time zone not null,
    heartbeat_due          timestamp(6) with time zone,
    claimed_by             varchar(100),
    claimed_until          timestamp(6) with time zone,
    created                timestamp(6) with time zone not null,
    constraint pk_topic_subscription primary key (id)
);
create index topic_subscription_owner on topic_subscription (owner);

-- One row per message a subscription's filter matched, numbered per subscription, written in the
-- sending transaction: what is delivered, and what $events answers to a receiver catching up.
create table subscription_event (
    subscription_id varchar(64) not null,
    event_number    bigint not null,
    message_id      varchar(64) not null,
    occurred        timestamp(6) with time zone not null,
    constraint pk_subscription_event primary key (subscription_id, event_number),
    constraint fk_subscription_event_subscription foreign key (subscription_id)
        references topic_subscription (id) on delete cascade
);
