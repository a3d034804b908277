-- Which recipient was emailed about which message: written in the notification's own
-- transaction before the email is handed to SMTP, so that a redelivered request sends nothing.
create table notification_delivery (
    message_id varchar(64) not null,
    party_type varchar(20) not null,
    party_id varchar(64) not null,
    delivered timestamp(6) with time zone not null,
    constraint pk_notification_delivery primary key (message_id, party_type, party_id)
);
