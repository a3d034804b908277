-- What a thread is regarding, the billing consent it rests on, and who should respond how.
alter table conversation add column episode_id varchar(64);
alter table conversation add column billing_consent_id varchar(64);
alter table conversation add column responder_id varchar(64);
alter table conversation add column response_method varchar(20);

-- A proxy's inbox is read from the patient's threads.
create index conversation_patient_activity on conversation (patient_id, last_activity);
