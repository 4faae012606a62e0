package vn.qcdc.oversight;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records on the board the open tasks it has no row for: those opened before the board existed
 * (a database upgraded to V14), at startup, in batches.
 */
@Component
@Order(50)
class BoardBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BoardBackfill.class);
    static final int BATCH = 500;

    private final ProcessEngine engine;
    private final JdbcTemplate jdbc;
    private final BoardRecorder recorder;
    private final BoardTasks tasks;

    BoardBackfill(ProcessEngine engine, JdbcTemplate jdbc, BoardRecorder recorder, BoardTasks tasks) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.recorder = recorder;
        this.tasks = tasks;
    }

    @Override
    public void run(ApplicationArguments args) {
        int recorded = backfill();
        if (recorded > 0) {
            log.info("Bảng giám sát: đã ghi {} việc đang mở có từ trước.", recorded);
        }
    }

    /** Records every open process task without a board row; returns how many. */
    int backfill() {
        int recorded = 0;
        while (true) {
            List<String> missing = jdbc.queryForList("select t.ID_ from ACT_RU_TASK t where t.PROC_INST_ID_ is not null"
                    + " and not exists (select 1 from oversight_task o where o.task_id = t.ID_)"
                    + " order by t.ID_ fetch first " + BATCH + " rows only", String.class);
            if (missing.isEmpty()) {
                return recorded;
            }
            ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                    .execute(context -> context.runWithoutAuthorization(() -> {
                        for (String id : missing) {
                            TaskEntity task = context.getTaskManager().findTaskById(id);
                            if (task != null) {
                                tasks.insert(recorder.rowOf(task, recorder.ruleOf(task.getTaskDefinition())));
                            }
                        }
                        return null;
                    }));
            recorded += missing.size();
            if (missing.size() < BATCH) {
                return recorded;
            }
        }
    }
}
