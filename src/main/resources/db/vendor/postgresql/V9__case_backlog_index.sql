-- Cases whose process has not started yet (the intake backlog gauge, scraped by Prometheus): a few rows
-- among millions, so a partial index keeps the count from reading the whole table.
create index citizen_case_awaiting_process on citizen_case (id) where process_instance_id is null and closed_at is null;
