package vn.qcdc.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Our own pages and API call the engine as the signed-in user, so Camunda's authorizations decide
 * what they see exactly as in Tasklist. Requests without a user run unauthenticated only where the
 * controller itself is public (portal), and such controllers never expose engine queries.
 */
@Component
class EngineIdentityInterceptor implements HandlerInterceptor {

    private final IdentityService identityService;

    EngineIdentityInterceptor(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            List<String> groups = identityService.createGroupQuery().groupMember(auth.getName()).list()
                    .stream().map(Group::getId).toList();
            identityService.setAuthentication(auth.getName(), groups);
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        identityService.clearAuthentication();
    }
}
