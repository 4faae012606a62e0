-- Failed attempts (sign-in, tracking PIN) per key: an account, a client address, a tracking code.
-- Shared by every node; locks end by themselves.
create table attempt_throttle (
    throttle_key  varchar(200) primary key,
    failures      integer      not null,
    window_start  timestamp    not null,
    locks         integer      not null,
    locked_until  timestamp
);

-- the PIN lock was per tracking code only: anyone could lock a citizen out of their own case
drop table tracking_lock;
