package vn.qcdc.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.qcdc.cases.CaseRepository;
import vn.qcdc.cases.CaseKind;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;
import vn.qcdc.support.WebSession;

/** The demo's closed cases: one of each kind, worked to the end by the demo officers, found by a new auditor. */
@QcdcTest
class DemoFinishedCasesTest {

    @LocalServerPort
    int port;
    @Autowired
    DemoFinishedCases finishedCases;
    @Autowired
    HistoryService historyService;
    @Autowired
    CaseRepository cases;

    @Test
    void oneFinishedCaseOfEachKindWithItsWholeHistory() {
        List<String> codes = finishedCases.create();
        assertThat(codes).hasSize(3);
        assertThat(codes).extracting(c -> cases.findByCode(c).orElseThrow().kind())
                .containsExactly(CaseKind.COMPLAINT, CaseKind.DENUNCIATION, CaseKind.PETITION);
        for (String code : codes) {
            assertThat(cases.findByCode(code).orElseThrow().closedAt()).as(code).isNotNull();
            assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).list())
                    .as(code).isNotEmpty().allSatisfy(pi -> assertThat(pi.getState()).isEqualTo("COMPLETED"));
        }
        WebSession auditor = new WebSession(port);
        auditor.signIn("kiemtoan", DemoUsers.PASSWORD);
        for (String kind : List.of("COMPLAINT", "DENUNCIATION", "PETITION")) {
            String page = auditor.get("/audit?status=completed&unit=hg-vithanh&kind=" + kind).body();
            assertThat(page).as(kind).containsAnyOf(codes.toArray(String[]::new));
        }
        String denunciation = auditor.get("/audit/cases/" + codes.get(1)).body();
        assertThat(denunciation).contains("[được bảo mật]").doesNotContain("Người tố cáo mẫu")
                .contains("Ký kết luận nội dung tố cáo").contains("truong.p1");
    }
}
