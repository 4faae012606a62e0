package vn.qcdc.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Tracking codes never repeat one already given; PINs are always six digits. */
class CaseCodesTest {

    static final Clock VIETNAM = Clock.system(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Test
    void aCodeAlreadyGivenIsDrawnAgain() {
        String first = new CaseCodes("key", VIETNAM, new Random(7)).newTrackingCode(CaseKind.PETITION, code -> false);
        // the same random sequence, but the first code is already some case's
        String second = new CaseCodes("key", VIETNAM, new Random(7)).newTrackingCode(CaseKind.PETITION, first::equals);

        assertThat(first).matches("PA-\\d{4}-[A-Z2-9]{6}");
        assertThat(second).matches("PA-\\d{4}-[A-Z2-9]{6}").isNotEqualTo(first);
    }

    @Test
    void givesUpRatherThanLoopingForever() {
        CaseCodes codes = new CaseCodes("key", VIETNAM, new Random(7));
        assertThatThrownBy(() -> codes.newTrackingCode(CaseKind.COMPLAINT, code -> true))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void pinsAreSixDigitsWithLeadingZeros() {
        CaseCodes codes = new CaseCodes("key", VIETNAM, new Random(1));
        for (int i = 0; i < 5_000; i++) {
            assertThat(codes.newPin()).matches("\\d{6}");
        }
    }
}
