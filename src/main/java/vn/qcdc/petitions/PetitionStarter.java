package vn.qcdc.petitions;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.Year;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

import vn.qcdc.organization.OrgUnit;

/** Starts a petition case in the engine: the one entry point every intake channel ends in. */
@Service
public class PetitionStarter {

    public static final String PROCESS_KEY = "petition";
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private final SecureRandom random = new SecureRandom();
    private final RuntimeService runtimeService;

    PetitionStarter(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    public ProcessInstance start(OrgUnit unit, String title, String content, Instant receivedAt) {
        String caseCode = newCaseCode();
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseCode", caseCode);
        variables.put("unitCode", unit.code());
        variables.put("unitName", unit.name());
        variables.put("title", title);
        variables.put("content", content);
        variables.put("receivedAt", Date.from(receivedAt));
        return runtimeService.startProcessInstanceByKey(PROCESS_KEY, caseCode, variables);
    }

    /** Human-friendly and unguessable enough to print on a receipt: KN-2026-7KQ4ZP. */
    String newCaseCode() {
        StringBuilder code = new StringBuilder("KN-").append(Year.now().getValue()).append('-');
        for (int i = 0; i < 6; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}
