package vn.qcdc.steering;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;

/** Read-only figures of the periodic reviews for the targets dashboard: self-reported, as units submitted them. */
@Service
public class ReviewFigures {

    /** One unit's latest submitted figure for one of the nine targets (numerator/denominator null where not applicable). */
    public record Figure(String unitCode, int target, Integer numerator, Integer denominator, String narrative,
            Instant submittedAt, String period) {
    }

    /** The classification of one grassroots party organisation in a year (decided grade null until decided). */
    public record Classification(String unitCode, int year, String proposedGrade, String decidedGrade,
            String qcdcPerformance, String rewardProposal) {
    }

    private final ReviewStore store;

    ReviewFigures(ReviewStore store) {
        this.store = store;
    }

    public List<Figure> selfReported(int year) {
        return store.latestFigures(year);
    }

    public List<Classification> classification(int year) {
        return store.classifications(year).stream().map(c -> new Classification(c.unitCode(), c.year(), c.proposedGrade(),
                c.decidedGrade(), c.qcdcPerformance(), c.rewardProposal())).toList();
    }
}
