package vn.qcdc.identity;

import java.util.Locale;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A user's own account, and the admins' view of sign-in locks. Nobody may change their account through
 * the engine (Camunda grants only READ on it): the password changes here, with the current password.
 */
@Controller
class AccountPages {

    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 200;

    private final IdentityService identityService;
    private final SignInThrottle throttle;

    AccountPages(IdentityService identityService, SignInThrottle throttle) {
        this.identityService = identityService;
        this.throttle = throttle;
    }

    @GetMapping("/account/password")
    String passwordForm() {
        return "identity/password";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String repeat, Authentication user, Model model) {
        String problem = null;
        if (!SystemAuthority.call(identityService, () -> identityService.checkPassword(user.getName(), current))) {
            problem = "account.password.wrong-current";
        } else if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            problem = "account.password.length";
        } else if (!password.equals(repeat)) {
            problem = "account.password.mismatch";
        } else if (password.equals(current) || password.equalsIgnoreCase(user.getName())) {
            problem = "account.password.same";
        }
        if (problem != null) {
            model.addAttribute("problem", problem);
            model.addAttribute("min", MIN_PASSWORD);
            return "identity/password";
        }
        SystemAuthority.call(identityService, () -> {
            User account = identityService.createUserQuery().userId(user.getName()).singleResult();
            account.setPassword(password);
            identityService.saveUser(account);
            return null;
        });
        model.addAttribute("changed", true);
        return "identity/password";
    }

    @GetMapping("/admin/sign-in-locks")
    String locks(Model model) {
        model.addAttribute("locks", throttle.currentLocks());
        return "identity/sign-in-locks";
    }

    @PostMapping("/admin/sign-in-locks/lift")
    String lift(@RequestParam(defaultValue = "") String key, Model model, Locale locale) {
        model.addAttribute("lifted", throttle.lift(key) ? key : null);
        model.addAttribute("locks", throttle.currentLocks());
        return "identity/sign-in-locks";
    }
}
