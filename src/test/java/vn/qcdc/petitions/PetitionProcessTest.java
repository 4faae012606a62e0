package vn.qcdc.petitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.qcdc.organization.OrgUnitRepository;
import vn.qcdc.rules.DeadlineService;
import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;

@QcdcTest
class PetitionProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    PetitionStarter petitions;
    @Autowired
    OrgUnitRepository units;
    @Autowired
    DeadlineService deadlines;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;

    @BeforeEach
    void bindAssertions() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aPetitionIsClassifiedThenAnsweredByTheUnitItConcerns() {
        Instant received = Instant.parse("2026-11-20T03:00:00Z");
        ProcessInstance pi = petitions.start(units.find(DemoUsers.COMMUNE_A).orElseThrow(), "Đèn đường", "Hư", received);

        assertThat(pi).isWaitingAt("classify-petition");
        assertThat(task(pi)).hasCandidateGroup(DemoUsers.COMMUNE_A + ":reception-officer")
                .hasDueDate(deadlines.due("petition.respond", Date.from(received)));
        complete(task(pi), withVariables("classification", "accepted", "receptionNote", "Đã tiếp nhận"));

        assertThat(pi).isWaitingAt("handle-petition");
        assertThat(task(pi)).hasCandidateGroup(DemoUsers.COMMUNE_A + ":handling-officer");
        complete(task(pi), withVariables("answer", "Đã sửa đèn"));

        assertThat(pi).isEnded().hasPassed("petition-answered");
    }

    @Test
    void anOverdueClassificationRaisesAFollowUpForTheUnitsSupervisorsAndKeepsTheTaskOpen() {
        Instant received = Instant.parse("2026-11-20T03:00:00Z");
        ProcessInstance pi = petitions.start(units.find(DemoUsers.COMMUNE_B).orElseThrow(), "Tiếng ồn", "Ban đêm", received);
        Date due = deadlines.due("petition.respond", Date.from(received));
        Job timer = managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(due);

        ClockUtil.setCurrentTime(Date.from(due.toInstant().plus(Duration.ofMinutes(1))));
        managementService.executeJob(timer.getId());

        assertThat(pi).isWaitingAt("classify-petition", "follow-up-overdue");
        var followUp = taskService.createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("follow-up-overdue").singleResult();
        assertThat(taskService.getIdentityLinksForTask(followUp.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly(DemoUsers.COMMUNE_B + ":supervisor");
        taskService.complete(followUp.getId(), withVariables("followUpNote", "Đã nhắc cán bộ"));
        assertThat(pi).hasPassed("overdue-followed-up").isWaitingAt("classify-petition");
    }
}
