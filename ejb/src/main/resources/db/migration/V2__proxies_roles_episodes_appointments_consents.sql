-- Proxies: one row per patient a guardian, parent or caregiver may act for.
create table related_person (
    id              varchar(64)  not null primary key,
    version         bigint       not null,
    last_updated    timestamp(6) with time zone not null,
    portal_username varchar(255),
    given_name      varchar(255),
    family_name     varchar(255),
    email           varchar(320),
    active          boolean      not null,
    patient_id      varchar(64)  not null references patient (id),
    relationship    varchar(40),
    period_start    timestamp(6) with time zone,
    period_end      timestamp(6) with time zone
);
create index related_person_portal_username on related_person (portal_username);
create index related_person_patient on related_person (patient_id);

-- Whether a practitioner takes portal messages, charges for them, and for which types.
create table practitioner_role (
    id                   varchar(64)  not null primary key,
    version              bigint       not null,
    last_updated         timestamp(6) with time zone not null,
    practitioner_id      varchar(64)  not null references practitioner (id),
    active               boolean      not null,
    period_start         timestamp(6) with time zone,
    period_end           timestamp(6) with time zone,
    portal_messaging     boolean      not null,
    charges_for_messages boolean      not null
);
create index practitioner_role_practitioner on practitioner_role (practitioner_id);

create table practitioner_role_message_type (
    practitioner_role_id varchar(64) not null references practitioner_role (id),
    message_type         varchar(40) not null,
    primary key (practitioner_role_id, message_type)
);

create table episode_of_care (
    id           varchar(64)  not null primary key,
    version      bigint       not null,
    last_updated timestamp(6) with time zone not null,
    patient_id   varchar(64)  not null references patient (id),
    status       varchar(20)  not null,
    name         varchar(255),
    period_start timestamp(6) with time zone,
    period_end   timestamp(6) with time zone
);
create index episode_of_care_patient on episode_of_care (patient_id);

create table appointment (
    id           varchar(64)  not null primary key,
    version      bigint       not null,
    last_updated timestamp(6) with time zone not null,
    patient_id   varchar(64)  not null references patient (id),
    status       varchar(20)  not null,
    start_time   timestamp(6) with time zone
);
create index appointment_patient_start on appointment (patient_id, start_time);

create table appointment_practitioner (
    appointment_id  varchar(64) not null references appointment (id),
    practitioner_id varchar(64) not null references practitioner (id),
    primary key (appointment_id, practitioner_id)
);

create table consent (
    id           varchar(64)  not null primary key,
    version      bigint       not null,
    last_updated timestamp(6) with time zone not null,
    patient_id   varchar(64)  not null references patient (id),
    status       varchar(20)  not null,
    category     varchar(40)  not null,
    given_at     timestamp(6) with time zone
);
create index consent_patient on consent (patient_id);
