package vn.qcdc.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.qcdc.cases.CaseIntake;
import vn.qcdc.cases.CaseKind;
import vn.qcdc.cases.Channel;
import vn.qcdc.cases.Submission;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;
import vn.qcdc.support.WebSession;

/** The deadline in words of each listed task, counted in working days now, and only for tasks the user may read. */
@QcdcTest
class TasklistApiTest {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    /** Wednesday 9 December 2026, 10:00 in Vietnam: no public holiday in the weeks around it. */
    static final Instant WEDNESDAY = ZonedDateTime.of(2026, 12, 9, 10, 0, 0, 0, VN).toInstant();

    @LocalServerPort
    int port;
    @Autowired
    TaskService taskService;
    @Autowired
    CaseIntake intake;

    @AfterEach
    void clockBack() {
        ClockUtil.reset();
    }

    private Task openTaskIn(String unit) {
        String code = intake.submit(Submission.of(CaseKind.PETITION, Channel.PORTAL, unit, "Hạn bằng lời", "Nội dung",
                "Công dân", "Ấp 1", "0900000000", false, null, null), "test").trackingCode();
        return taskService.createTaskQuery().processInstanceBusinessKey(code).singleResult();
    }

    private String ask(String user, String locale, String... ids) {
        HttpResponse<String> answer = WebSession.basic(port, "GET", "/api/tasklist/deadlines?locale=" + locale + "&ids="
                + String.join(",", ids), user, DemoUsers.PASSWORD, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.body();
    }

    private void due(Task task, LocalDate day, LocalTime time) {
        task.setDueDate(Date.from(ZonedDateTime.of(day, time, VN).toInstant()));
        taskService.saveTask(task);
    }

    @Test
    void theDeadlineInWorkingDaysInVietnameseAndInEnglish() {
        Task task = openTaskIn(DemoUsers.COMMUNE_A);
        ClockUtil.setCurrentTime(Date.from(WEDNESDAY));
        LocalTime endOfDay = LocalTime.of(23, 59, 59);

        // Thursday, Friday, Monday
        due(task, LocalDate.of(2026, 12, 14), endOfDay);
        assertThat(ask("tiepdan.p1", "vi", task.getId())).contains("\"text\":\"còn 3 ngày làm việc\"",
                "\"state\":\"soon\"", "14/12/2026 23:59");
        assertThat(ask("tiepdan.p1", "en", task.getId())).contains("\"text\":\"3 working days left\"");

        due(task, LocalDate.of(2026, 12, 9), endOfDay);
        assertThat(ask("tiepdan.p1", "vi", task.getId())).contains("\"text\":\"hạn hôm nay\"", "\"state\":\"today\"");
        assertThat(ask("tiepdan.p1", "en", task.getId())).contains("\"text\":\"due today\"");

        due(task, LocalDate.of(2026, 12, 9), LocalTime.of(8, 0));
        assertThat(ask("tiepdan.p1", "vi", task.getId())).contains("\"text\":\"quá hạn hôm nay\"", "\"state\":\"overdue\"");

        // due Monday: Tuesday and Wednesday have passed
        due(task, LocalDate.of(2026, 12, 7), endOfDay);
        assertThat(ask("tiepdan.p1", "vi", task.getId())).contains("\"text\":\"quá hạn 2 ngày làm việc\"");
        assertThat(ask("tiepdan.p1", "en", task.getId())).contains("\"text\":\"overdue by 2 working days\"");

        // due on the Friday before: the weekend is not counted
        due(task, LocalDate.of(2026, 12, 4), endOfDay);
        assertThat(ask("tiepdan.p1", "vi", task.getId())).contains("\"text\":\"quá hạn 3 ngày làm việc\"");

        // the same question a day later: the words are counted when asked, never stored
        due(task, LocalDate.of(2026, 12, 14), endOfDay);
        ClockUtil.setCurrentTime(Date.from(WEDNESDAY.plusSeconds(86_400)));
        assertThat(ask("tiepdan.p1", "vi", task.getId())).contains("\"text\":\"còn 2 ngày làm việc\"");
    }

    @Test
    void anotherCommunesTasksAreNotAnsweredFor() {
        Task ofA = openTaskIn(DemoUsers.COMMUNE_A);
        Task ofB = openTaskIn(DemoUsers.COMMUNE_B);
        String answer = ask("tiepdan.p1", "vi", ofA.getId(), ofB.getId(), "no-such-task");
        assertThat(answer).contains(ofA.getId()).doesNotContain(ofB.getId()).doesNotContain("no-such-task");
        // a supervisor of commune A's ward reads (and is answered for) A's task; B's supervisor is not
        assertThat(ask("giamsat.p1", "vi", ofA.getId())).contains(ofA.getId());
        assertThat(ask("giamsat.cd", "vi", ofA.getId())).isEqualTo("{}");
        assertThat(new WebSession(port).getJson("/api/tasklist/deadlines?ids=" + ofA.getId()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void badIdsAreRefusedWithAMessage() {
        String many = IntStream.range(0, TasklistApi.MAX_IDS + 1).mapToObj(i -> "t" + i).collect(Collectors.joining(","));
        HttpResponse<String> tooMany = WebSession.basic(port, "GET", "/api/tasklist/deadlines?ids=" + many, "tiepdan.p1",
                DemoUsers.PASSWORD, null);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("tối đa 100 công việc").doesNotContain("Exception");
        HttpResponse<String> odd = WebSession.basic(port, "GET", "/api/tasklist/deadlines?ids=%27%20or%201=1", "tiepdan.p1",
                DemoUsers.PASSWORD, null);
        assertThat(odd.statusCode()).isEqualTo(400);
        assertThat(odd.body()).contains("Mã công việc không hợp lệ");
        assertThat(WebSession.basic(port, "GET", "/api/tasklist/deadlines", "tiepdan.p1", DemoUsers.PASSWORD, null)
                .statusCode()).isEqualTo(400);
    }

    /**
     * A list page (15) and a long one (50), each answered in one request, measured over 40 calls: by the auditor (who
     * reads every task) and by the province's supervisor (whose reads go through their whole subtree).
     */
    @Test
    void aPageOfTasksIsAnsweredQuickly() {
        while (taskService.createTaskQuery().dueAfter(new Date(0)).count() < 50) {
            openTaskIn(DemoUsers.COMMUNE_A);
        }
        List<String> ids = taskService.createTaskQuery().dueAfter(new Date(0)).listPage(0, 50).stream().map(Task::getId)
                .toList();
        for (String user : new String[] {"kiemtoan", "giamsat.hg"}) {
            // as Tasklist asks: in the signed-in session
            WebSession session = new WebSession(port);
            session.signIn(user, DemoUsers.PASSWORD);
            for (int size : new int[] {15, ids.size()}) {
                String path = "/api/tasklist/deadlines?locale=vi&ids=" + String.join(",", ids.subList(0, size));
                session.getJson(path);
                List<Long> millis = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    long start = System.nanoTime();
                    HttpResponse<String> answer = session.getJson(path);
                    millis.add((System.nanoTime() - start) / 1_000_000);
                    assertThat(answer.statusCode()).isEqualTo(200);
                    assertThat(answer.body()).contains("ngày làm việc");
                }
                Collections.sort(millis);
                long p50 = millis.get(20);
                long p95 = millis.get(37);
                System.out.println("deadline words, " + user + ", " + size + " tasks: p50 " + p50 + " ms, p95 " + p95
                        + " ms " + Arrays.toString(millis.toArray()));
                // a loose bound: the machine is shared; the README carries a measured run
                assertThat(p50).as("p50 for " + size + " tasks").isLessThan(250);
            }
        }
    }
}
