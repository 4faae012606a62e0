-- Idempotency keys are kept per door (channel) as a hash, with a fingerprint of the request they came
-- with: a replay of the same request is recognised, another request under the same key learns nothing.
alter table citizen_case add column request_fingerprint varchar(64);
