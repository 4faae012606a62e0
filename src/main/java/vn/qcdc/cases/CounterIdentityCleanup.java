package vn.qcdc.cases;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Until the counter's start form kept them transient, a citizen's name, address and contact typed there
 * were stored as variables of {@code reception-intake}, in the engine's runtime and history tables. On
 * every start (it finds nothing once done) this seals any denouncer's identity still missing from the
 * vault and removes those variables and their history details, for every kind of case.
 */
@Component
@Order(5)
class CounterIdentityCleanup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CounterIdentityCleanup.class);
    private static final String IDENTITY_NAMES = "('citizenName', 'citizenAddress', 'citizenContact')";
    private static final String COUNTER_INSTANCES = "select ID_ from ACT_HI_PROCINST where PROC_DEF_KEY_ = 'reception-intake'";

    private final JdbcTemplate jdbc;
    private final IdentityVault vault;
    private final CaseRepository cases;

    CounterIdentityCleanup(JdbcTemplate jdbc, IdentityVault vault, CaseRepository cases) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.cases = cases;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Map<String, Map<String, String>> byInstance = new HashMap<>();
        jdbc.query("select PROC_INST_ID_, NAME_, TEXT_ from ACT_HI_VARINST where NAME_ in " + IDENTITY_NAMES
                + " and PROC_INST_ID_ in (" + COUNTER_INSTANCES + ")", rs -> {
                    byInstance.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                });
        if (byInstance.isEmpty()) {
            return;
        }
        int sealed = 0;
        for (var entry : byInstance.entrySet()) {
            for (String code : openedCodes(entry.getKey())) {
                CitizenCase c = cases.findByCode(code).orElse(null);
                if (c != null && c.kind() == CaseKind.DENUNCIATION && !vault.holds(c.id())) {
                    Map<String, String> v = entry.getValue();
                    vault.store(c.id(), new IdentityVault.DenouncerIdentity(v.get("citizenName"), v.get("citizenAddress"),
                            v.get("citizenContact")));
                    sealed++;
                }
            }
        }
        int details = jdbc.update("delete from ACT_HI_DETAIL where NAME_ in " + IDENTITY_NAMES
                + " and PROC_INST_ID_ in (" + COUNTER_INSTANCES + ")");
        int history = jdbc.update("delete from ACT_HI_VARINST where NAME_ in " + IDENTITY_NAMES
                + " and PROC_INST_ID_ in (" + COUNTER_INSTANCES + ")");
        int runtime = jdbc.update("delete from ACT_RU_VARIABLE where NAME_ in " + IDENTITY_NAMES
                + " and PROC_INST_ID_ in (" + COUNTER_INSTANCES + ")");
        log.info("Counter identities out of the engine: {} sealed into the vault, {} runtime variables, {} history"
                + " variables and {} history details removed", sealed, runtime, history, details);
    }

    private List<String> openedCodes(String processInstanceId) {
        return jdbc.queryForList("select TEXT_ from ACT_HI_VARINST where PROC_INST_ID_ = ? and NAME_ = 'openedCodes'",
                String.class, processInstanceId).stream().filter(s -> s != null)
                .flatMap(s -> Arrays.stream(s.split(",\\s*"))).toList();
    }
}
