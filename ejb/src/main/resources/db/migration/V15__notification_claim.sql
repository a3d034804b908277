-- A delivery is claimed in a transaction of its own before the SMTP conversation and marked
-- sent once the relay accepted the email. A claim without "sent" is in doubt: the server
-- stopped during the conversation, and the next attempt sends again with the same Message-ID.
-- Every row written before this was recorded with its email sent.
alter table notification_delivery rename column delivered to claimed;
alter table notification_delivery add column sent timestamp(6) with time zone;
update notification_delivery set sent = claimed;
