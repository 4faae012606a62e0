package vn.qcdc.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The ids of the open tasks a user is named on as a candidate user (an inspection team's steps, and every task
 * assigned to the user: an assignee is made a candidate as the task is assigned). The engine's
 * {@code taskCandidateUser} query also takes in every task of the user's groups, which at a busy unit is
 * twenty thousand rows to read for ten; this reads the user's own identity links only. It checks nothing:
 * callers load the tasks through the engine's query, which applies the user's visibility.
 */
@Component
public class CandidateUserTasks {

    private final TaskService taskService;
    private final IdentityService identityService;

    CandidateUserTasks(TaskService taskService, IdentityService identityService) {
        this.taskService = taskService;
        this.identityService = identityService;
    }

    /** At most {@code limit} ids, due first (tasks without a due date last). */
    public List<String> dueFirst(String userId, int limit) {
        // a user's own native query is refused by EngineWriteGuard (its SQL is the caller's); this one is ours
        return SystemAuthority.call(identityService, () -> taskService.createNativeTaskQuery()
                .sql("select distinct RES.*, case when RES.DUE_DATE_ is null then 1 else 0 end NO_DUE_DATE_"
                        + " from ACT_RU_TASK RES join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_"
                        + " where I.TYPE_ = 'candidate' and I.USER_ID_ = #{userId} order by NO_DUE_DATE_, RES.DUE_DATE_")
                .parameter("userId", userId).listPage(0, limit).stream().map(Task::getId).toList());
    }
}
