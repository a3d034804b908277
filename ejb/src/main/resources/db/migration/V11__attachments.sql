-- Uploaded files: what the server found each to be (type, size, SHA-256), who uploaded it, and
-- the message that carries it once one does. The bytes are in the attachment store, keyed by id.
-- A discarded draft message lets go of its attachments (on delete set null).
create table attachment (
    id varchar(64) not null,
    uploader varchar(255) not null,
    content_type varchar(10) not null,
    size_bytes bigint not null,
    sha256 varchar(44) not null,
    created timestamp(6) with time zone not null,
    message_id varchar(64),
    title varchar(255),
    constraint pk_attachment primary key (id),
    constraint fk_attachment_message foreign key (message_id) references message (id) on delete set null
);
create index ix_attachment_message on attachment (message_id);
