-- Every read shows the identifiers its Communications carry: found by the Communication's id.
create index communication_identifier_communication on communication_identifier (communication_id);
-- Communication?identifier=value (any system) and system|value, whoever wrote it.
create index communication_identifier_value on communication_identifier (identifier_value, identifier_system);
