package vn.qcdc.rules;

public enum DayKind {
    /** Every day counts; a period ending on a day off runs to the next working day (Civil Code 2015, Art. 148(5)). */
    CALENDAR,
    /** Only working days count: no weekends, no public holidays. */
    WORKING
}
