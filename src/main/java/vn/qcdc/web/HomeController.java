package vn.qcdc.web;

import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.qcdc.identity.CandidateUserTasks;
import vn.qcdc.identity.Officer;
import vn.qcdc.identity.Officers;
import vn.qcdc.identity.Role;
import vn.qcdc.oversight.UrgentTasks;

@Controller
class HomeController {

    static final int TASKS_ON_HOME = 20;

    private final TaskService taskService;
    private final Officers officers;
    private final UrgentTasks urgentTasks;
    private final CandidateUserTasks candidateUserTasks;

    HomeController(TaskService taskService, Officers officers, UrgentTasks urgentTasks,
            CandidateUserTasks candidateUserTasks) {
        this.taskService = taskService;
        this.officers = officers;
        this.urgentTasks = urgentTasks;
        this.candidateUserTasks = candidateUserTasks;
    }

    @GetMapping("/")
    String home(Authentication user, Model model) {
        List<Role> roles = user.getAuthorities().stream()
                .map(a -> a.getAuthority().replaceFirst("^ROLE_", ""))
                .flatMap(id -> Role.ofGroupId(id).stream())
                .distinct().toList();
        model.addAttribute("roles", roles);
        model.addAttribute("officer", roles.stream().anyMatch(Role::unitScoped));
        model.addAttribute("auditor", roles.contains(Role.AUDITOR) || roles.contains(Role.ADMIN));
        model.addAttribute("admin", roles.contains(Role.ADMIN));
        model.addAttribute("receptionOfficer", roles.contains(Role.RECEPTION_OFFICER));
        model.addAttribute("inspectionReader", roles.stream().anyMatch(r -> r == Role.INSPECTOR
                || r == Role.STEERING_SECRETARY || r == Role.STEERING_HEAD || r == Role.AUDITOR || r == Role.ADMIN));
        model.addAttribute("targetsReader", vn.qcdc.targets.TargetsAccess.allows(user));
        model.addAttribute("oversightReader", vn.qcdc.oversight.OversightAccess.allows(user));
        model.addAttribute("caseReader", roles.stream().anyMatch(Role::unitScoped) || roles.contains(Role.AUDITOR)
                || roles.contains(Role.ADMIN));
        model.addAttribute("tasks", tasksDueFirst(user.getName()));
        return "home";
    }

    /**
     * The work the user can take up, due first: offered to one of their groups, assigned to them or naming them.
     * Which few tasks to show comes from the board's table and the user's own identity links (flat however many
     * tasks a group holds); the engine's query loads them, and its visibility check decides again.
     */
    private List<Task> tasksDueFirst(String userId) {
        Officer me = officers.of(userId);
        if (me.readsEverything()) {
            return taskService.createTaskQuery().orderByDueDate().asc().listPage(0, TASKS_ON_HOME);
        }
        Set<String> ids = new LinkedHashSet<>(urgentTasks.dueFirst(me.groups(), userId, TASKS_ON_HOME));
        ids.addAll(candidateUserTasks.dueFirst(userId, TASKS_ON_HOME));
        if (ids.isEmpty()) {
            return List.of();
        }
        return taskService.createTaskQuery().taskIdIn(ids.toArray(String[]::new)).list().stream()
                .sorted(Comparator.comparing(Task::getDueDate, Comparator.nullsLast(Comparator.<Date>naturalOrder()))
                        .thenComparing(Task::getCreateTime).thenComparing(Task::getId))
                .limit(TASKS_ON_HOME).toList();
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
