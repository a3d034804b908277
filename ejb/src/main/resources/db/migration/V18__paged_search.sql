-- The searches whose next links are out, so that any node answers a page: the account that ran
-- the search and the search itself (its path below the FHIR base and its query, _count included),
-- run again by a node that does not hold it. Rows older than a next link lives are swept.
create table paged_search (
    id           varchar(64)   not null,
    account      varchar(255)  not null,
    search_path  varchar(255)  not null,
    search_query varchar(8000) not null,
    stored       timestamp(6) with time zone not null,
    constraint pk_paged_search primary key (id)
);
create index paged_search_stored on paged_search (stored);
