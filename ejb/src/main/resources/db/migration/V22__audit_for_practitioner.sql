-- The practitioner an integration engine wrote on behalf of (the engine is the record's account).
alter table audit_record add column for_practitioner varchar(64);
