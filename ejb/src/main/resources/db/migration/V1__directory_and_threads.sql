-- Directory: the people threads are between, kept in sync by the integration engine.
create table patient (
    id              varchar(64)  not null primary key,
    version         bigint       not null,
    last_updated    timestamp(6) with time zone not null,
    portal_username varchar(255),
    given_name      varchar(255),
    family_name     varchar(255),
    email           varchar(320),
    active          boolean      not null,
    birth_date      date,
    do_not_email    boolean      not null,
    locale          varchar(35)
);
create index patient_portal_username on patient (portal_username);

create table practitioner (
    id                  varchar(64)  not null primary key,
    version             bigint       not null,
    last_updated        timestamp(6) with time zone not null,
    portal_username     varchar(255),
    given_name          varchar(255),
    family_name         varchar(255),
    email               varchar(320),
    active              boolean      not null,
    email_notifications boolean      not null
);
create index practitioner_portal_username on practitioner (portal_username);

create table care_team (
    id           varchar(64)  not null primary key,
    version      bigint       not null,
    last_updated timestamp(6) with time zone not null,
    patient_id   varchar(64)  not null references patient (id),
    active       boolean      not null,
    name         varchar(255)
);
create index care_team_patient on care_team (patient_id);

create table care_team_member (
    care_team_id    varchar(64) not null references care_team (id),
    practitioner_id varchar(64) not null references practitioner (id),
    primary key (care_team_id, practitioner_id)
);
create index care_team_member_practitioner on care_team_member (practitioner_id);

-- Threads, their messages, and each participant's own view of a thread.
create table conversation (
    id              varchar(64)  not null primary key,
    version         bigint       not null,
    patient_id      varchar(64)  not null references patient (id),
    practitioner_id varchar(64)  not null references practitioner (id),
    started_by_type varchar(20)  not null,
    started_by_id   varchar(64)  not null,
    category        varchar(40)  not null,
    topic           varchar(255),
    status          varchar(20)  not null,
    confidential    boolean      not null,
    created         timestamp(6) with time zone not null,
    last_activity   timestamp(6) with time zone not null
);

create table message (
    id              varchar(64)  not null primary key,
    version         bigint       not null,
    conversation_id varchar(64)  not null references conversation (id),
    sender_type     varchar(20)  not null,
    sender_id       varchar(64)  not null,
    recipient_type  varchar(20)  not null,
    recipient_id    varchar(64)  not null,
    text            varchar(20000),
    status          varchar(20)  not null,
    in_response_to  varchar(64),
    sent            timestamp(6) with time zone,
    received        timestamp(6) with time zone
);
create index message_thread_order on message (conversation_id, sent, id);

create table participant (
    id              varchar(64)  not null primary key,
    conversation_id varchar(64)  not null references conversation (id),
    party_type      varchar(20)  not null,
    party_id        varchar(64)  not null,
    last_activity   timestamp(6) with time zone not null,
    archived        boolean      not null,
    unread          integer      not null,
    last_read       timestamp(6) with time zone,
    constraint participant_once unique (conversation_id, party_type, party_id)
);
-- The inbox: one range scan per page, newest activity first.
create index participant_inbox on participant (party_type, party_id, last_activity desc, id);
