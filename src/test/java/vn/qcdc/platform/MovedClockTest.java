package vn.qcdc.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.qcdc.rules.DeadlineService;
import vn.qcdc.rules.ReferenceChangeLog;
import vn.qcdc.support.QcdcTest;

/** Moving the engine clock moves "today" for pages and the times our own tables record, in Vietnamese time. */
@QcdcTest
class MovedClockTest {

    /** 17:30 UTC on New Year's Eve 2031: already half past midnight on 1 January 2032 in Vietnam (UTC+7). */
    static final Instant MOVED = Instant.parse("2031-12-31T17:30:00Z");

    @Autowired
    MockMvc mvc;
    @Autowired
    Clock clock;
    @Autowired
    DeadlineService deadlines;
    @Autowired
    ReferenceChangeLog changeLog;

    @AfterEach
    void clockBack() {
        ClockUtil.reset();
    }

    @Test
    void theClockIsTheEnginesInTheConfiguredZone() {
        ClockUtil.setCurrentTime(Date.from(MOVED));
        assertThat(clock.instant()).isEqualTo(MOVED);
        assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2032, 1, 1));
        assertThat(deadlines.zone()).isEqualTo(clock.getZone());
    }

    @Test
    void thePageShowsTheMovedYearAndTheLogRecordsTheMovedTime() throws Exception {
        ClockUtil.setCurrentTime(Date.from(MOVED));
        mvc.perform(get("/admin/rules").with(user("quantri").roles("admin")))
                .andExpect(status().isOk()).andExpect(model().attribute("year", 2032));

        changeLog.record("quantri", "clock-test", "moved", null, "2032");
        assertThat(changeLog.latestOf("clock-test", 1).get(0).changedAt()).isEqualTo(MOVED);
    }
}
