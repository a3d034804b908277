-- "No response needed": the starter's message closes the thread as it is sent.
alter table conversation add column no_response_needed boolean default false not null;
