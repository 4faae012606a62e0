-- Cases whose process has not started yet (the intake backlog gauge, scraped by Prometheus). H2 has no
-- partial index: an index on the column lets the count skip the rows whose process has started.
create index citizen_case_awaiting_process on citizen_case (process_instance_id, closed_at);
