package vn.qcdc.targets;

/**
 * One unit's contribution to a target: how many of how many (units, people, works) meet it, where
 * the figure comes from, and the page behind it.
 */
public record UnitFigure(String unitCode, long numerator, long denominator, Source source, String link) {

    public enum Source {
        /** Computed from what the system records (dialogues, checklists, findings, the organisation tree). */
        COMPUTED,
        /** Entered by the unit in its periodic report. */
        SELF_REPORTED
    }

    public UnitFigure {
        if (numerator < 0 || denominator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("figure out of range: " + numerator + "/" + denominator);
        }
    }
}
