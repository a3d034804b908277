-- The clinic's messaging policy: one row, absent until a clinic admin first saves it.
create table clinic_policy (
    id                      varchar(64)  not null primary key,
    version                 bigint       not null,
    last_updated            timestamp(6) with time zone not null,
    clinic_name             varchar(255) not null,
    messaging_enabled       boolean      not null,
    patients_may_start      boolean      not null,
    eligibility_basis       varchar(20)  not null,
    appointment_window_days integer      not null,
    attachments_allowed     boolean      not null,
    retract_window_seconds  bigint       not null,
    guidelines              varchar(300)
);

create table clinic_policy_message_type (
    policy_id    varchar(64) not null references clinic_policy (id),
    message_type varchar(40) not null,
    primary key (policy_id, message_type)
);

create table clinic_policy_emergency_number (
    policy_id varchar(64) not null references clinic_policy (id),
    locale    varchar(35) not null,
    phone_number varchar(20) not null,
    primary key (policy_id, locale)
);
