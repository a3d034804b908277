-- A practitioner's absence and the colleague who covers it: at most one per practitioner.
create table practitioner_absence (
    practitioner_id varchar(64) not null,
    starts          timestamp(6) with time zone not null,
    ends            timestamp(6) with time zone not null,
    cover_id        varchar(64) not null,
    constraint pk_practitioner_absence primary key (practitioner_id),
    constraint fk_practitioner_absence_practitioner foreign key (practitioner_id) references practitioner (id),
    constraint fk_practitioner_absence_cover foreign key (cover_id) references practitioner (id)
);

-- A practitioner who takes part in a thread as another's cover, not as its own practitioner.
alter table participant add column covering boolean default false not null;
