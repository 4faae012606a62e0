package vn.qcdc.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.FailedAttempts;
import vn.qcdc.support.QcdcTest;

/**
 * The portal's side of notices and ratings: the opt-in box at filing and its refusal, then a decided case rated once
 * with code and PIN, and the rating on the supervisors' board of its unit.
 */
@QcdcTest
class PortalNoticesAndRatingTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    MockMvc mvc;

    @BeforeEach
    void noEarlierFailedAttempts() {
        FailedAttempts.forget(jdbc);
    }

    @Test
    void aCitizenAgreesToBeNotifiedAtAContactThatCanBeNotified() {
        PortalSession citizen = new PortalSession(port);
        long before = jdbc.queryForObject("select count(*) from citizen_case", Long.class);
        HttpResponse<String> refused = citizen.submit(Filings.petitionWith("citizenContact", "Khu vực 2", "notify", "true"));
        assertThat(refused.statusCode()).isEqualTo(400);
        String page = PortalSession.text(refused);
        assertThat(PortalRefusalTest.errorOf(page, "citizenContact")).contains("Để nhận thông báo");
        assertThat(page).as("the box stays ticked").containsPattern("id=\"notify\" name=\"notify\" value=\"true\"[^>]*checked");
        assertThat(jdbc.queryForObject("select count(*) from citizen_case", Long.class)).isEqualTo(before);

        Filings.Issued issued = Filings.file(citizen, Filings.petitionWith("citizenContact", "an@example.vn", "notify", "true"));
        assertThat(jdbc.queryForMap("select s.channel, s.address, s.locale from case_subscription s join citizen_case c"
                + " on c.id = s.case_id where c.tracking_code = ?", issued.code()))
                .containsEntry("CHANNEL", "EMAIL").containsEntry("ADDRESS", "an@example.vn").containsEntry("LOCALE", "vi");
        Filings.Issued silent = Filings.file(citizen, Filings.petition());
        assertThat(jdbc.queryForObject("select count(*) from case_subscription s join citizen_case c on c.id = s.case_id"
                + " where c.tracking_code = ?", Integer.class, silent.code())).as("no box, no message").isZero();
    }

    @Test
    void aDecidedCaseIsRatedOnceAndTheRatingShowsOnItsUnitsBoard() throws Exception {
        PortalSession citizen = new PortalSession(port);
        Filings.Issued issued = Filings.file(citizen, Filings.petition());
        String status = citizen.post("/portal/track", citizen.get("/portal/track").body(),
                Map.of("trackingCode", issued.code(), "pin", issued.pin())).body();
        assertThat(status).as("nothing to rate before the answer").doesNotContain("id=\"rating-box\"");
        HttpResponse<String> early = rate(citizen, issued, "5", "");
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(PortalSession.text(early)).contains("Chỉ đánh giá được hồ sơ đã có quyết định");

        complete(issued.code(), "classify-case", "competent", true);
        complete(issued.code(), "acknowledge-petition", "classification", "accepted", "acknowledgement", "Đã tiếp nhận");
        complete(issued.code(), "handle-petition", "answer", "Đã thay bóng đèn");
        String answered = citizen.post("/portal/track", citizen.get("/portal/track").body(),
                Map.of("trackingCode", issued.code(), "pin", issued.pin())).body();
        assertThat(answered).contains("id=\"rating-box\"", "Rất hài lòng");

        HttpResponse<String> wrongPin = rate(citizen, issued, "5", "Tốt", otherPin(issued.pin()));
        assertThat(wrongPin.statusCode()).isEqualTo(403);
        HttpResponse<String> outOfRange = rate(citizen, issued, "6", "");
        assertThat(outOfRange.statusCode()).isEqualTo(400);
        assertThat(PortalSession.text(outOfRange)).contains("Hãy chọn mức đánh giá từ 1 đến 5.");
        assertThat(jdbc.queryForObject("select count(*) from case_rating r join citizen_case c on c.id = r.case_id"
                + " where c.tracking_code = ?", Integer.class, issued.code())).isZero();

        HttpResponse<String> control = rate(citizen, issued, "4", "Tốt\u0007");
        assertThat(control.statusCode()).isEqualTo(400);
        assertThat(PortalSession.text(control)).contains("ký tự điều khiển");

        HttpResponse<String> rated = rate(citizen, issued, "4", "Xử lý nhanh");
        assertThat(rated.statusCode()).isEqualTo(200);
        assertThat(PortalSession.text(rated)).contains("Cảm ơn Anh/Chị đã đánh giá", "đã đánh giá việc giải quyết hồ sơ này: 4/5")
                .doesNotContain("id=\"rating-box\"");
        HttpResponse<String> again = rate(citizen, issued, "1", "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(PortalSession.text(again)).contains("mỗi hồ sơ chỉ đánh giá một lần");

        // the JSON API says the same, in English when asked
        mvc.perform(post("/api/public/cases/" + issued.code() + "/rating").header("X-Case-Pin", issued.pin())
                .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                .content("{\"score\": \"5\", \"comment\": \"\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.fields.rating").value("This case has already been rated; a case is rated once."));
        mvc.perform(get("/api/public/cases/" + issued.code()).header("X-Case-Pin", issued.pin()))
                .andExpect(jsonPath("$.rating").value(4)).andExpect(jsonPath("$.canRate").value(false));

        String board = mvc.perform(get("/oversight").with(user("giamsat.p1").roles("supervisor"))
                .header("Accept-Language", "vi")).andReturn().getResponse().getContentAsString();
        assertThat(board).contains("id=\"ratings\"").containsPattern(
                "data-unit=\"" + DemoUsers.COMMUNE_A + "\">\\s*<td>Phường I</td>\\s*<td class=\"rating-count\">\\d+</td>");
    }

    private HttpResponse<String> rate(PortalSession citizen, Filings.Issued issued, String score, String comment,
            String... pin) {
        String page = citizen.get("/portal/track").body();
        return citizen.post("/portal/track/rate", page, Map.of("trackingCode", issued.code(),
                "pin", pin.length > 0 ? pin[0] : issued.pin(), "score", score, "comment", comment));
    }

    private static String otherPin(String pin) {
        return pin.equals("000000") ? "111111" : "000000";
    }

    private void complete(String code, String key, Object... keyValues) {
        var task = taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(key).singleResult();
        assertThat(task).as(key).isNotNull();
        var variables = Variables.createVariables();
        for (int i = 0; i < keyValues.length; i += 2) {
            variables.put((String) keyValues[i], keyValues[i + 1]);
        }
        taskService.complete(task.getId(), variables);
    }
}
