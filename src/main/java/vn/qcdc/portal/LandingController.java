package vn.qcdc.portal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.qcdc.cases.CaseKind;

/** The portal's front page: what each kind of case is for, and the two things a citizen can do. */
@Controller
class LandingController {

    @GetMapping({"/portal", "/portal/"})
    String landing(Model model) {
        model.addAttribute("kinds", CaseKind.values());
        return "portal/index";
    }
}
