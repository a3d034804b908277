-- The inbox pages by (last activity, thread id), so that a next page starts right after the
-- last thread shown: the index serves both the order and the keyset condition.
drop index participant_inbox;
create index participant_inbox on participant (party_type, party_id, last_activity desc, conversation_id);
