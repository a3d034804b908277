-- Threads of 20 messages between synthetic patients and three practitioners, inserted straight
-- into Missive's tables (what the API would write, without notifications): psql variables
-- prefix (ids start with it, so that a second batch or the benchmark's own data never collide)
-- and threads (per practitioner; 60 messages per unit in all).
insert into practitioner (id, version, last_updated, portal_username, given_name, family_name, active, email_notifications)
  select :'prefix' || 'pr' || g, 0, now(), :'prefix' || 'pr' || g, 'Given' || g, 'Family' || g, true, false
  from generate_series(0, 2) g;
insert into patient (id, version, last_updated, portal_username, given_name, family_name, active, do_not_email)
  select :'prefix' || 'pa' || g, 0, now(), :'prefix' || 'pa' || g, 'Patient' || g, 'Name' || g, true, false
  from generate_series(1, :threads) g;
insert into conversation (id, version, patient_id, practitioner_id, started_by_type, started_by_id, category, topic,
                          status, confidential, created, last_activity)
  select :'prefix' || 't' || p || '-' || g, 0, :'prefix' || 'pa' || g, :'prefix' || 'pr' || p, 'PATIENT',
         :'prefix' || 'pa' || g, 'general', 'Topic ' || g, 'OPEN', false,
         now() - interval '1 day' * g, now() - interval '1 minute' * (g * 3 + p)
  from generate_series(1, :threads) g, generate_series(0, 2) p;
insert into participant (id, conversation_id, party_type, party_id, last_activity, archived, unread, last_read)
  select c.id || '-' || side, c.id, case side when 0 then 'PATIENT' else 'PRACTITIONER' end,
         case side when 0 then c.patient_id else c.practitioner_id end, c.last_activity, false,
         (abs(hashtext(c.id)) % 3), null
  from conversation c, generate_series(0, 1) side
  where c.id like :'prefix' || 't%';
insert into message (id, version, conversation_id, sender_type, sender_id, recipient_type, recipient_id, text,
                     status, sent)
  select c.id || '-m' || n, 0, c.id, 'PATIENT', c.patient_id, 'PRACTITIONER', c.practitioner_id,
         'Message ' || n || ' about ' || md5(c.id || n), 'SENT', c.created + interval '1 minute' * n
  from conversation c, generate_series(1, 20) n
  where c.id like :'prefix' || 't%';
analyze practitioner, patient, conversation, participant, message;
