-- The team pool a first staff reply answered for, if the thread was addressed to one: the
-- response-time report counts it for the pool as well as for the practitioner who answered.
alter table staff_reply add column pool_id varchar(64);
