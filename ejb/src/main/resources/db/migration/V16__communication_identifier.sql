-- The identifiers a client gave its Communications (an EHR's message id): each names one
-- Communication of the account that wrote it, so that a create retried with If-None-Exist finds
-- the first instead of making a second. The key is what makes two racing creates end with one.
create table communication_identifier (
    account           varchar(255) not null,
    identifier_system varchar(512) not null,
    identifier_value  varchar(255) not null,
    communication_id  varchar(64)  not null,
    constraint pk_communication_identifier primary key (account, identifier_system, identifier_value)
);
