-- Team pools: a care team of practitioners that is no patient's, marked as a pool, to which
-- threads of the message types it takes are addressed; one member claims a thread.
alter table care_team alter column patient_id drop not null;
alter table care_team add column pool boolean default false not null;

create table care_team_message_type (
    care_team_id varchar(64) not null references care_team (id),
    message_type varchar(40) not null,
    primary key (care_team_id, message_type)
);

alter table conversation add column pool_id varchar(64) references care_team (id);
alter table conversation add column claimed_by varchar(64) references practitioner (id);
alter table conversation add column pool_answered boolean default false not null;
create index conversation_pool on conversation (pool_id);

alter table participant add column pool_member boolean default false not null;
