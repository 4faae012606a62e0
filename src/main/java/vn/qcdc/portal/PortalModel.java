package vn.qcdc.portal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every portal page may use. */
@ControllerAdvice(basePackageClasses = PortalModel.class)
class PortalModel {

    private final PortalDates dates;

    PortalModel(PortalDates dates) {
        this.dates = dates;
    }

    @ModelAttribute("dates")
    PortalDates dates() {
        return dates;
    }
}
