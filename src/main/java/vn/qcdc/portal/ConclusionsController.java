package vn.qcdc.portal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.qcdc.cases.ConclusionPublications;
import vn.qcdc.organization.OrgUnitRepository;

/** Public: denunciation conclusions as their resolvers published them (Law on Denunciations Art. 40). No sign-in. */
@Controller
class ConclusionsController {

    static final int SHOWN = 100;

    private final ConclusionPublications publications;
    private final OrgUnitRepository units;

    ConclusionsController(ConclusionPublications publications, OrgUnitRepository units) {
        this.publications = publications;
        this.units = units;
    }

    @GetMapping("/portal/conclusions")
    String list(Model model) {
        model.addAttribute("conclusions", publications.recent(SHOWN).stream()
                .map(p -> new Shown(units.find(p.unitCode()).map(u -> u.name()).orElse(p.unitCode()), p)).toList());
        return "portal/conclusions";
    }

    record Shown(String unitName, ConclusionPublications.PublishedConclusion conclusion) {
    }
}
