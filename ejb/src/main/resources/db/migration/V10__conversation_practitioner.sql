-- A practitioner's open threads, found when they leave the clinic.
create index conversation_practitioner_status on conversation (practitioner_id, status);
