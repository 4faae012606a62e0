package vn.qcdc.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import vn.qcdc.cases.CaseIntake;
import vn.qcdc.cases.CaseKind;
import vn.qcdc.cases.CaseRepository;
import vn.qcdc.cases.Channel;
import vn.qcdc.cases.Submission;
import vn.qcdc.support.QcdcTest;

/**
 * The 1 July 2025 merger of Hậu Giang into Cần Thơ, applied end to end to a copy of the 2018 tree
 * (every code prefixed, so the demo tree the other tests use stays as it is).
 */
@QcdcTest
class ReorganizationTest {

    @Autowired
    ReorganizationService reorganizations;
    @Autowired
    OrgUnitRepository units;
    @Autowired
    CaseIntake intake;
    @Autowired
    CaseRepository cases;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    IdentityService identityService;
    @Autowired
    MockMvc mvc;

    String prefix;

    @BeforeEach
    void aFreshCopyOfTheHauGiangTree() throws IOException {
        prefix = "t" + UUID.randomUUID().toString().substring(0, 6) + "-";
        reorganizations.apply(new StringReader(prefixed(OrganizationStartup.SEED)), "seed", "test");
    }

    @Test
    void theMergerIntoCanThoMovesOpenWorkToTheSuccessorUnits() throws IOException {
        OrgUnit ward = units.find(prefix + "hg-vithanh-p1").orElseThrow();
        OrgUnit town = units.find(prefix + "hg-phunghiep-cayduong").orElseThrow();
        String officer = prefix + "officer";
        User user = identityService.newUser(officer);
        user.setPassword("x-" + prefix);
        identityService.saveUser(user);
        identityService.createMembership(officer, "reception-officer");
        identityService.createMembership(officer, prefix + "hg-vithanh-p1:reception-officer");
        String wardCase = openCase(ward);
        String townCase = openCase(town);

        var result = reorganizations.apply(new StringReader(prefixed("seed/organization/can-tho-2025-07-01.csv")),
                "can-tho-2025-07-01.csv", "test");

        assertThat(result.effectiveDate()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(result.dissolved()).isEqualTo(42);
        assertThat(result.movedTasks()).isEqualTo(2);

        OrgUnit dissolvedWard = units.find(ward.code()).orElseThrow();
        assertThat(dissolvedWard.validTo()).isEqualTo(LocalDate.of(2025, 6, 30));
        String successor = dissolvedWard.successorCode();
        assertThat(successor).startsWith(prefix + "ct-");
        assertThat(units.find(successor).orElseThrow().activeOn(LocalDate.of(2025, 7, 1))).isTrue();

        var task = taskService.createTaskQuery().processInstanceId(wardCase).singleResult();
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                .contains(successor + ":reception-officer").doesNotContain(ward.code() + ":reception-officer");
        assertThat(runtimeService.getVariable(wardCase, "unitCode")).isEqualTo(successor);
        assertThat(runtimeService.getVariable(townCase, "unitCode"))
                .isEqualTo(units.find(town.code()).orElseThrow().successorCode());
        assertThat(cases.findByUnits(java.util.List.of(successor), 100))
                .extracting(c -> c.processInstanceId()).contains(wardCase);

        // the ward's officer carries on in the successor and still sees the case, now as that unit's work
        identityService.setAuthentication(officer, identityService.createGroupQuery().groupMember(officer).list()
                .stream().map(g -> g.getId()).toList());
        try {
            assertThat(taskService.createTaskQuery().taskCandidateGroup(successor + ":reception-officer").list())
                    .extracting(t -> t.getId()).contains(task.getId());
            assertThat(taskService.createTaskQuery().list()).extracting(t -> t.getId()).contains(task.getId());
        } finally {
            identityService.clearAuthentication();
        }
        // an officer of another commune reads nothing of the moved work, in any list
        identityService.setAuthentication("tiepdan.cd", identityService.createGroupQuery().groupMember("tiepdan.cd")
                .list().stream().map(g -> g.getId()).toList());
        try {
            assertThat(taskService.createTaskQuery().list()).extracting(t -> t.getId()).doesNotContain(task.getId());
            assertThat(taskService.createTaskQuery().taskCandidateGroup(successor + ":reception-officer").count()).isZero();
        } finally {
            identityService.clearAuthentication();
        }

        // the tree of 1 July 2025: no district level, hamlets under the new communes
        List<OrgUnit> after = units.findActiveOn(LocalDate.of(2025, 7, 1)).stream()
                .filter(u -> u.code().startsWith(prefix)).toList();
        assertThat(after).noneMatch(u -> u.type() == OrgUnitType.DISTRICT);
        assertThat(after).filteredOn(u -> u.type() == OrgUnitType.HAMLET)
                .allMatch(h -> h.parentCode().startsWith(prefix + "ct-"));
        // ...while the tree of 2018 is still there to read
        assertThat(units.findActiveOn(LocalDate.of(2018, 8, 24)))
                .anyMatch(u -> u.code().equals(prefix + "hg-vithanh") && u.type() == OrgUnitType.DISTRICT);
        assertThat(units.predecessors(successor)).extracting(OrgUnit::code).contains(ward.code());
    }

    @Test
    void aFileWithOneBadLineIsRefusedWholeAndChangesNothing() {
        long before = units.count();
        String csv = "action,code,name,type,parent_code,staff_count,has_trade_union,successor_code,effective_date\n"
                + "CREATE," + prefix + "new,Xã Mới,COMMUNE," + prefix + "hg-vithanh,20,true,,2025-07-01\n"
                + "DISSOLVE," + prefix + "hg-vithanh-p3,,,,,,no-such-unit,2025-07-01\n"
                + "CREATE,Bad Code,Tên,VILLAGE,,x,maybe,,2025-13-01\n";
        assertThatThrownBy(() -> reorganizations.apply(new StringReader(csv), "bad.csv", "test"))
                .isInstanceOfSatisfying(ReorganizationRejectedException.class, e -> assertThat(e.problems())
                        .extracting(ImportProblem::messageKey)
                        .contains("org.import.code", "org.import.type", "org.import.date"));
        assertThat(units.count()).isEqualTo(before);
        assertThat(units.find(prefix + "new")).isEmpty();
        assertThat(units.find(prefix + "hg-vithanh-p3").orElseThrow().dissolved()).isFalse();
    }

    @Test
    void dissolvingIntoAMissingSuccessorOrLeavingOrphansIsRefused() {
        String header = "action,code,name,type,parent_code,staff_count,has_trade_union,successor_code,effective_date\n";
        assertThatThrownBy(() -> reorganizations.apply(new StringReader(header
                        + "DISSOLVE," + prefix + "hg-vithanh-p3,,,,,,no-such-unit,2025-07-01\n"), "x.csv", "test"))
                .isInstanceOfSatisfying(ReorganizationRejectedException.class, e -> assertThat(e.problems())
                        .extracting(ImportProblem::messageKey).containsExactly("org.import.successor"));
        assertThatThrownBy(() -> reorganizations.apply(new StringReader(header
                        + "DISSOLVE," + prefix + "hg-vithanh,,,,,,"  + prefix + "hg,2025-07-01\n"), "x.csv", "test"))
                .isInstanceOfSatisfying(ReorganizationRejectedException.class, e -> assertThat(e.problems())
                        .extracting(ImportProblem::messageKey).contains("org.import.orphan"));
    }

    @Test
    void theAdminPageAppliesAFileOrListsItsProblemsInVietnamese() throws Exception {
        String header = "action,code,name,type,parent_code,staff_count,has_trade_union,successor_code,effective_date\n";
        var bad = new MockMultipartFile("file", "bad.csv", "text/csv",
                (header + "UPDATE," + prefix + "nothing,Tên,COMMUNE," + prefix + "hg,1,true,,2026-01-01\n")
                        .getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/admin/organization/import").file(bad).with(user("quantri").roles("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problems", List.of("Dòng 2: Không có đơn vị \"" + prefix + "nothing\".")));
        var good = new MockMultipartFile("file", "good.csv", "text/csv",
                (header + "CREATE," + prefix + "agency,Văn phòng thử,AGENCY," + prefix + "hg,12,true,,2026-01-01\n")
                        .getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/admin/organization/import").file(good).with(user("quantri").roles("admin")).with(csrf()))
                .andExpect(flash().attributeExists("result"));
        assertThat(units.find(prefix + "agency")).isPresent();
        mvc.perform(multipart("/admin/organization/import").file(good).with(user("xuly.p1").roles("handling-officer"))
                .with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/organization").with(user("xuly.p1").roles("handling-officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Văn phòng thử")));
    }

    private String openCase(OrgUnit unit) {
        var receipt = intake.submit(Submission.of(CaseKind.PETITION, Channel.IN_PERSON, unit.code(), "Trước sáp nhập",
                "Nội dung", "Công dân", "Ấp 1", "0900000000", false, null, null), "test");
        return cases.findByCode(receipt.trackingCode()).orElseThrow().processInstanceId();
    }

    /** The shipped file with every unit code prefixed. */
    private String prefixed(String resource) throws IOException {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            var parser = format.parse(reader);
            printer.printRecord(parser.getHeaderNames());
            for (CSVRecord r : parser) {
                List<String> values = new java.util.ArrayList<>(r.toList());
                for (String column : List.of("code", "parent_code", "successor_code")) {
                    int i = parser.getHeaderNames().indexOf(column);
                    if (!values.get(i).isBlank()) {
                        values.set(i, prefix + values.get(i));
                    }
                }
                printer.printRecord(values);
            }
        }
        return out.toString();
    }
}
