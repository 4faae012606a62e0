package vn.qcdc.web;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.qcdc.identity.Role;

@Controller
class HomeController {

    static final int TASKS_ON_HOME = 20;

    private final TaskService taskService;

    HomeController(TaskService taskService) {
        this.taskService = taskService;
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
        // The engine's authorizations decide which tasks come back: only the user's units' work.
        List<Task> tasks = taskService.createTaskQuery().orderByDueDate().asc().listPage(0, TASKS_ON_HOME);
        model.addAttribute("tasks", tasks);
        return "home";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
