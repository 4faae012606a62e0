package vn.qcdc.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.qcdc.support.QcdcTest;

/** Admins edit rules and holidays on a page; every change is recorded; bad input changes nothing. */
@QcdcTest
class RulesAdministrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DeadlineRuleRepository rules;
    @Autowired
    HolidayRepository holidays;
    @Autowired
    ReferenceChangeLog changeLog;
    @Autowired
    DeadlineService deadlines;

    static RequestPostProcessor admin() {
        return user("quantri").roles("admin");
    }

    @Test
    void anAdminAddsARuleVersionAndTheChangeIsRecorded() throws Exception {
        String code = "test.rule-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/admin/rules").with(admin()).with(csrf())
                        .param("code", code).param("amount", "4").param("dayKind", "WORKING")
                        .param("legalBasis", "Thử nghiệm").param("description", "Quy tắc thử")
                        .param("validFrom", "2030-01-01"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("saved", "rules.saved"));
        assertThat(deadlines.dueDay(code, LocalDate.of(2030, 3, 1))).isEqualTo(LocalDate.of(2030, 3, 7));
        var entry = changeLog.latest(1).get(0);
        assertThat(entry.changedBy()).isEqualTo("quantri");
        assertThat(entry.entityKey()).isEqualTo(code);
        assertThat(entry.oldValue()).isNull();
        assertThat(entry.newValue()).contains("4 WORKING");

        // a second version overlapping the first is refused with a message, and nothing changes
        int before = rules.versions(code).size();
        mvc.perform(post("/admin/rules").with(admin()).with(csrf())
                        .param("code", code).param("amount", "9").param("dayKind", "CALENDAR")
                        .param("legalBasis", "Thử").param("description", "Trùng").param("validFrom", "2031-01-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("trùng với một phiên bản khác")));
        assertThat(rules.versions(code)).hasSize(before);
    }

    @Test
    void editingARuleRecordsOldAndNew() throws Exception {
        String code = "test.edit-" + UUID.randomUUID().toString().substring(0, 8);
        rules.insert(new DeadlineRule(null, code, 3, DayKind.CALENDAR, "Cũ", "Mô tả", LocalDate.of(2030, 1, 1), null));
        long id = rules.versions(code).get(0).id();
        mvc.perform(post("/admin/rules").with(admin()).with(csrf()).param("id", String.valueOf(id))
                        .param("code", code).param("amount", "5").param("dayKind", "CALENDAR")
                        .param("legalBasis", "Mới").param("description", "Mô tả").param("validFrom", "2030-01-01"))
                .andExpect(status().is3xxRedirection());
        var entry = changeLog.latest(1).get(0);
        assertThat(entry.oldValue()).contains("3 CALENDAR, Cũ");
        assertThat(entry.newValue()).contains("5 CALENDAR, Mới");
    }

    @Test
    void badRuleInputGetsVietnameseMessagesAndChangesNothing() throws Exception {
        int before = rules.findAll().size();
        mvc.perform(post("/admin/rules").with(admin()).with(csrf())
                        .param("code", "BAD CODE").param("amount", "0").param("dayKind", "WEEKLY")
                        .param("legalBasis", "").param("description", "x").param("validFrom", "not-a-date"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Không được để trống")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Sai định dạng")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Exception"))));
        assertThat(rules.findAll()).hasSize(before);
    }

    @Test
    void anAdminAddsAndRemovesAHolidayAndWorkingDaysFollow() throws Exception {
        LocalDate monday = LocalDate.of(2031, 3, 3);
        assertThat(deadlines.dueDay("petition.respond", LocalDate.of(2031, 2, 28))).isEqualTo(LocalDate.of(2031, 3, 14));
        mvc.perform(post("/admin/rules/holidays").with(admin()).with(csrf())
                        .param("day", monday.toString()).param("nameVi", "Ngày nghỉ thử").param("nameEn", "Test day"))
                .andExpect(flash().attribute("saved", "holidays.saved"));
        assertThat(deadlines.dueDay("petition.respond", LocalDate.of(2031, 2, 28))).isEqualTo(LocalDate.of(2031, 3, 17));
        mvc.perform(post("/admin/rules/holidays").with(admin()).with(csrf())
                        .param("day", monday.toString()).param("nameVi", "Lần hai"))
                .andExpect(flash().attribute("refusal", "holidays.exists"));
        mvc.perform(post("/admin/rules/holidays/" + monday + "/delete").with(admin()).with(csrf()))
                .andExpect(flash().attribute("saved", "holidays.removed"));
        assertThat(holidays.exists(monday)).isFalse();
        assertThat(changeLog.latest(1).get(0).oldValue()).contains("Ngày nghỉ thử");
    }

    @Test
    void onlyAdminsReachTheRulesPage() throws Exception {
        mvc.perform(get("/admin/rules").with(user("xuly.p1").roles("handling-officer"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/rules").with(admin())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("complaint.accept")));
    }

    @Test
    void theDueDateApiAnswersInTheCallersLanguage() throws Exception {
        mvc.perform(get("/api/rules/complaint.accept/due").param("receivedAt", "2026-07-01T02:00:00Z")
                        .with(user("xuly.p1").roles("handling-officer")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.amount").value(7))
                .andExpect(jsonPath("$.dueOn").value("2026-07-10"));
        mvc.perform(get("/api/rules/no.such/due").param("receivedAt", "2026-07-01T02:00:00Z")
                        .with(user("xuly.p1").roles("handling-officer")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Không có quy tắc")));
        mvc.perform(get("/api/rules/no.such/due").param("receivedAt", "2026-07-01T02:00:00Z")
                        .header("Accept-Language", "en").with(user("xuly.p1").roles("handling-officer")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("No deadline rule")));
        mvc.perform(get("/api/rules/complaint.accept/due").param("receivedAt", "yesterday")
                        .with(user("xuly.p1").roles("handling-officer")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("receivedAt")));
    }
}
