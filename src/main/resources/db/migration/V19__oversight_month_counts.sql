-- Steps with a due date completed per unit and month, on time or not, kept with oversight_step_done
-- (BoardCounters): the on-time chart of a province reads units × 12 rows instead of a year of steps.
create table oversight_unit_month (
    unit_code varchar(40) not null,
    done_month date       not null,
    on_time   boolean     not null,
    n         bigint      not null,
    primary key (unit_code, done_month, on_time)
);
insert into oversight_unit_month (unit_code, done_month, on_time, n)
select unit_code, done_month, on_time, count(*) from (
    select unit_code, cast(date_trunc('month', completed_at) as date) done_month,
           case when completed_at <= due_at then true else false end on_time
    from oversight_step_done where unit_code is not null and due_at is not null) t
group by unit_code, done_month, on_time;
