-- A supervisor's follow-up task (the processes' "overdue" escalation) and the late step it is about,
-- decided by the board when the follow-up opens (FollowUpTasks); the supervisor's note is delivered to
-- that step as a comment and to the case page.
create table oversight_follow_up (
    task_id        varchar(64)   primary key,
    late_task_id   varchar(64)   not null,
    late_step_name varchar(255),
    late_due_at    timestamp     not null,
    holder         varchar(300)  not null,
    created_at     timestamp     not null,
    note           varchar(4000),
    completed_at   timestamp
);
create index oversight_follow_up_late on oversight_follow_up (late_task_id);

insert into deadline_rule (code, amount, day_kind, legal_basis, description, valid_from, valid_to) values
('oversight.follow-up', 2, 'WORKING', 'Quy chế làm việc của đơn vị (không có thời hạn luật định)',
 'Lãnh đạo đôn đốc một bước xử lý quá hạn', '2004-01-01', null);
