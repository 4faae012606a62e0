package vn.qcdc.targets;

/** The nine targets of Resolution 11-NQ/TU, section II.3; target 1 has two goals (officials 100%, mass organisations 80%). */
public enum Target {
    T1_OFFICIALS("1a", 100),
    T1_MASS_ORGANISATIONS("1b", 80),
    T2_NO_LOSS_OF_DEMOCRACY("2", 100),
    T3_QCDC_TEAMS("3", 100),
    T4_WORKS_DISCLOSED("4", 100),
    T5_AGENCY_DISCLOSURE("5", 100),
    T6_PROCEDURES_POSTED("6", 100),
    T7_HAMLET_CONVENTIONS("7", 100),
    T8_DIALOGUES("8", 100),
    T9_ENTERPRISE_QCDC("9", 100);

    private final String number;
    private final int goalPercent;

    Target(String number, int goalPercent) {
        this.number = number;
        this.goalPercent = goalPercent;
    }

    public String number() {
        return number;
    }

    public int goalPercent() {
        return goalPercent;
    }

    public String messageKey() {
        return "targets.target." + number;
    }

    public static Target ofNumber(String number) {
        for (Target t : values()) {
            if (t.number.equals(number)) {
                return t;
            }
        }
        return null;
    }
}
