package vn.qcdc.targets;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.qcdc.steering.ReviewFigures;

/**
 * What units report in their 6-month and annual reviews, for every target: shown as self-reported,
 * and only where nothing the system records computes the same unit's figure.
 */
@Component
class ReviewTargetProvider implements TargetFigureProvider {

    private final ReviewFigures reviews;

    ReviewTargetProvider(ReviewFigures reviews) {
        this.reviews = reviews;
    }

    @Override
    public Set<Target> targets() {
        return EnumSet.complementOf(EnumSet.of(Target.T1_MASS_ORGANISATIONS));
    }

    @Override
    public List<UnitFigure> figures(Target target, int year) {
        int number = target == Target.T1_OFFICIALS ? 1 : Integer.parseInt(target.number());
        return reviews.selfReported(year).stream()
                .filter(f -> f.target() == number && f.numerator() != null && f.denominator() != null
                        && f.denominator() > 0 && f.numerator() <= f.denominator())
                .map(f -> new UnitFigure(f.unitCode(), f.numerator(), f.denominator(), UnitFigure.Source.SELF_REPORTED,
                        "/reviews"))
                .toList();
    }
}
