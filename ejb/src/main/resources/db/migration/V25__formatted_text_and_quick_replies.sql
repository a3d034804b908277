-- A message may carry formatted text (Missive's Markdown subset) beside its plain text.
alter table message add column formatted_text varchar(20000);

-- The clinic's reply templates, with placeholders staff fill in when they insert one.
create table quick_reply (
    id      varchar(64)   not null,
    version bigint        not null,
    title   varchar(100)  not null,
    text    varchar(4000) not null,
    updated timestamp(6) with time zone not null,
    constraint pk_quick_reply primary key (id)
);
