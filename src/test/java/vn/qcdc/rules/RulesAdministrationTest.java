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
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
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
                        .param("day", monday.toString()).param("kind", "HOLIDAY").param("nameVi", "Ngày nghỉ thử").param("nameEn", "Test day"))
                .andExpect(flash().attribute("saved", "holidays.saved"));
        assertThat(deadlines.dueDay("petition.respond", LocalDate.of(2031, 2, 28))).isEqualTo(LocalDate.of(2031, 3, 17));
        mvc.perform(post("/admin/rules/holidays").with(admin()).with(csrf())
                        .param("day", monday.toString()).param("kind", "HOLIDAY").param("nameVi", "Lần hai"))
                .andExpect(flash().attribute("refusal", "holidays.exists"));
        mvc.perform(post("/admin/rules/holidays/" + monday + "/delete").with(admin()).with(csrf()))
                .andExpect(flash().attribute("saved", "holidays.removed"));
        assertThat(holidays.exists(monday)).isFalse();
        assertThat(changeLog.latest(1).get(0).oldValue()).contains("Ngày nghỉ thử");
    }

    @Test
    void anAdminEditsDaysOfEachKindAndWorkingDaysFollow() throws Exception {
        LocalDate friday = LocalDate.of(2031, 3, 7);
        LocalDate saturday = LocalDate.of(2031, 3, 15);
        LocalDate monday = LocalDate.of(2031, 3, 17);
        // ten working days from Friday 28 February 2031 end on Friday 14 March
        assertThat(deadlines.dueDay("petition.respond", LocalDate.of(2031, 2, 28))).isEqualTo(LocalDate.of(2031, 3, 14));
        addDay(friday, "SWAPPED_DAY_OFF", "Nghỉ hoán đổi thử").andExpect(flash().attribute("saved", "holidays.saved"));
        assertThat(deadlines.dueDay("petition.respond", LocalDate.of(2031, 2, 28))).isEqualTo(LocalDate.of(2031, 3, 17));
        addDay(saturday, "MAKE_UP_WORKING_DAY", "Làm bù thử").andExpect(flash().attribute("saved", "holidays.saved"));
        assertThat(deadlines.dueDay("petition.respond", LocalDate.of(2031, 2, 28))).isEqualTo(saturday);
        addDay(monday, "HOLIDAY", "Lễ thử").andExpect(flash().attribute("saved", "holidays.saved"));
        assertThat(holidays.find(saturday)).get().extracting(Holiday::kind).isEqualTo(Holiday.Kind.MAKE_UP_WORKING_DAY);
        assertThat(changeLog.latest(1).get(0).newValue()).isEqualTo("HOLIDAY Lễ thử / Lễ thử");

        // the page lists each kind in Vietnamese, in English when asked
        mvc.perform(get("/admin/rules").param("year", "2031").with(admin()))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Ngày nghỉ hoán đổi (nghỉ bù)")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Ngày làm bù")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-kind=\"MAKE_UP_WORKING_DAY\"")));
        mvc.perform(get("/admin/rules").param("year", "2031").header("Accept-Language", "en").with(admin()))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Make-up working day")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Swapped day off")));

        // switched off, the make-up Saturday is an ordinary Saturday again; switched on, it is worked
        mvc.perform(post("/admin/rules/holidays/" + saturday + "/switch").param("active", "false").with(admin()).with(csrf()))
                .andExpect(flash().attribute("saved", "holidays.switched-off"));
        assertThat(holidays.find(saturday)).get().extracting(Holiday::active).isEqualTo(false);
        assertThat(deadlines.dueDay("petition.respond", LocalDate.of(2031, 2, 28))).isEqualTo(LocalDate.of(2031, 3, 18));
        assertThat(changeLog.latest(1).get(0).newValue()).endsWith("(OFF)");
        mvc.perform(post("/admin/rules/holidays/" + saturday + "/switch").param("active", "true").with(admin()).with(csrf()))
                .andExpect(flash().attribute("saved", "holidays.switched-on"));
        assertThat(deadlines.dueDay("petition.respond", LocalDate.of(2031, 2, 28))).isEqualTo(saturday);

        for (LocalDate day : List.of(friday, saturday, monday)) {
            mvc.perform(post("/admin/rules/holidays/" + day + "/delete").with(admin()).with(csrf()))
                    .andExpect(flash().attribute("saved", "holidays.removed"));
        }
        assertThat(deadlines.dueDay("petition.respond", LocalDate.of(2031, 2, 28))).isEqualTo(LocalDate.of(2031, 3, 14));
        assertThat(changeLog.latest(1).get(0).oldValue()).isEqualTo("HOLIDAY Lễ thử / Lễ thử");
    }

    @Test
    void anAdminSwitchesVietnamCultureDayOn() throws Exception {
        LocalDate cultureDay = LocalDate.of(2027, 11, 24);
        assertThat(deadlines.dueDay("disclosure.post", LocalDate.of(2027, 11, 23))).isEqualTo(LocalDate.of(2027, 11, 30));
        try {
            mvc.perform(post("/admin/rules/holidays/" + cultureDay + "/switch").param("active", "true").with(admin())
                    .with(csrf())).andExpect(flash().attribute("saved", "holidays.switched-on"));
            // Wednesday 24 November 2027 is a day off now: five working days from Tuesday 23 end on 1 December
            assertThat(deadlines.dueDay("disclosure.post", LocalDate.of(2027, 11, 23))).isEqualTo(LocalDate.of(2027, 12, 1));
        } finally {
            mvc.perform(post("/admin/rules/holidays/" + cultureDay + "/switch").param("active", "false").with(admin())
                    .with(csrf()));
        }
        assertThat(holidays.find(cultureDay)).get().extracting(Holiday::active).isEqualTo(false);
    }

    @Test
    void badCalendarInputIsRefusedInVietnameseAndChangesNothing() throws Exception {
        long days = holidays.count();
        var lastChange = changeLog.latest(1);
        LocalDate wednesday = LocalDate.of(2032, 6, 9);
        LocalDate saturday = LocalDate.of(2032, 6, 12);
        record Bad(MvcResult result, String vietnamese) {
        }
        List<Bad> bad = List.of(
                new Bad(addDay(wednesday, "MAKE_UP_WORKING_DAY", "Làm bù sai").andReturn(),
                        "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật"),
                new Bad(addDay(saturday, "SWAPPED_DAY_OFF", "Hoán đổi sai").andReturn(),
                        "Ngày nghỉ hoán đổi phải là một ngày làm việc trong tuần"),
                new Bad(addDay(wednesday, "WEEKLY", "Loại sai").andReturn(), "Cần chọn loại ngày"),
                new Bad(mvc.perform(post("/admin/rules/holidays").with(admin()).with(csrf()).param("day", "31/02/2032")
                        .param("kind", "HOLIDAY").param("nameVi", "Ngày sai")).andReturn(), "Cần chọn một ngày hợp lệ"),
                new Bad(addDay(wednesday, "HOLIDAY", " ").andReturn(), "Cần chọn một ngày hợp lệ"),
                new Bad(addDay(wednesday, "HOLIDAY", "x".repeat(121)).andReturn(), "tối đa 120 ký tự"),
                new Bad(mvc.perform(post("/admin/rules/holidays/2026-08-31/switch").param("active", "maybe").with(admin())
                        .with(csrf())).andReturn(), "Cần chọn một ngày hợp lệ"),
                new Bad(mvc.perform(post("/admin/rules/holidays/not-a-day/delete").with(admin()).with(csrf())).andReturn(),
                        "Cần chọn một ngày hợp lệ"),
                new Bad(mvc.perform(post("/admin/rules/holidays/" + wednesday + "/switch").param("active", "true")
                        .with(admin()).with(csrf())).andReturn(), "Ngày này không có trong lịch"));
        for (Bad b : bad) {
            assertThat(b.result().getResponse().getStatus()).isEqualTo(302);
            assertThat(b.result().getFlashMap().get("refusal")).as(b.vietnamese()).isNotNull();
            // the page the admin is sent back to says why, in Vietnamese
            mvc.perform(get("/admin/rules").with(admin()).flashAttrs(b.result().getFlashMap()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString(b.vietnamese())));
        }
        assertThat(holidays.count()).isEqualTo(days);
        assertThat(changeLog.latest(1)).isEqualTo(lastChange);
        assertThat(holidays.find(LocalDate.of(2026, 8, 31))).get().extracting(Holiday::active).isEqualTo(true);
        // and in English when asked
        mvc.perform(get("/admin/rules").with(admin()).header("Accept-Language", "en")
                        .flashAttrs(bad.get(0).result().getFlashMap()))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("must be a Saturday or a Sunday")));
    }

    private org.springframework.test.web.servlet.ResultActions addDay(LocalDate day, String kind, String nameVi)
            throws Exception {
        return mvc.perform(post("/admin/rules/holidays").with(admin()).with(csrf()).param("day", day.toString())
                .param("kind", kind).param("nameVi", nameVi));
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
