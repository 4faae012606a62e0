package vn.qcdc.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.NativeHistoricProcessInstanceQuery;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

import vn.qcdc.cases.CaseKind;
import vn.qcdc.identity.SystemAuthority;
import vn.qcdc.organization.UnitTree;
import vn.qcdc.platform.Refusal;
import vn.qcdc.rules.DeadlineService;

/**
 * The auditors' search over the engine's process-instance history, every process alike. One SQL statement per
 * search, run as the engine's native history query, so that a page and its count are each one indexed query:
 * <ul>
 * <li>a code: {@code BUSINESS_KEY_} ({@code ACT_IDX_HI_PRO_I_BUSKEY}) or the instance id (primary key);</li>
 * <li>a process: {@code PROC_DEF_KEY_} ({@code ACT_IDX_HI_PRO_INST_PROC_DEF_KEY}); without one, only the root of
 * each process tree is listed (a case once, not its intake and handling processes apart);</li>
 * <li>dates: {@code START_TIME_} ({@code ACT_IDX_HI_PRO_INST_PROC_TIME}), {@code END_TIME_}
 * ({@code ACT_IDX_HI_PRO_INST_END}); status: {@code STATE_}, or an incident anywhere in the tree
 * ({@code ACT_IDX_HI_INCIDENT_ROOT_PI});</li>
 * <li>unit with its sub-units, kind: the instance's {@code unitCode} and {@code kind} variables, which every
 * unit-routed process carries ({@code qcdc_hi_varinst_value}, V22_1, from the values; or
 * {@code ACT_IDX_HI_VAR_PI_NAME_TYPE} from the instance);</li>
 * <li>an officer who acted: the trees of the tasks they were assigned ({@code qcdc_hi_task_assignee}, V22) and of
 * the operations they performed ({@code ACT_IDX_HI_OP_LOG_USER_ID}).</li>
 * </ul>
 * The engine's own query API cannot filter by a set of variable values or by who acted, hence the native query.
 */
@Component
class AuditSearch {

    /** One line of the result: a process instance and the unit and kind it carries. */
    record Row(String instanceId, String businessKey, String processKey, String processName, String state,
            Instant startedAt, Instant endedAt, String unitCode, String unitName, String kind) {

        public boolean running() {
            return endedAt == null;
        }
    }

    record Page(List<Row> rows, long total, int page, int size) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }

    static final int MAX_EXPORT = 10_000;

    private final HistoryService history;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final UnitTree units;
    private final ZoneId zone;
    private final Map<String, String> definitionNames = new ConcurrentHashMap<>();

    AuditSearch(HistoryService history, RepositoryService repository, IdentityService identity, UnitTree units,
            DeadlineService deadlines) {
        this.history = history;
        this.repository = repository;
        this.identity = identity;
        this.units = units;
        this.zone = deadlines.zone();
    }

    Page page(AuditFilter filter) {
        return SystemAuthority.call(identity, () -> {
            long total = query(filter, "select count(*)", false).count();
            List<HistoricProcessInstance> found = query(filter, "select RES.*", true)
                    .listPage(filter.page() * filter.size(), filter.size());
            return new Page(rows(found), total, filter.page(), filter.size());
        });
    }

    /** Every row of the search for an export, refused when there are more than {@value #MAX_EXPORT}. */
    List<Row> all(AuditFilter filter) {
        return SystemAuthority.call(identity, () -> {
            long total = query(filter, "select count(*)", false).count();
            if (total > MAX_EXPORT) {
                throw new Refusal("audit.refused.export-size", total, MAX_EXPORT);
            }
            return rows(query(filter, "select RES.*", true).listPage(0, MAX_EXPORT));
        });
    }

    /** The deployed processes, key to name, for the search form. */
    Map<String, String> processes() {
        Map<String, String> result = new LinkedHashMap<>();
        SystemAuthority.call(identity, () -> repository.createProcessDefinitionQuery().latestVersion()
                .orderByProcessDefinitionName().asc().list())
                .forEach(d -> result.put(d.getKey(), d.getName() == null ? d.getKey() : d.getName()));
        return result;
    }

    private NativeHistoricProcessInstanceQuery query(AuditFilter f, String select, boolean ordered) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder(select).append(" from ACT_HI_PROCINST RES where 1 = 1");
        if (f.code() != null) {
            sql.append(" and (RES.BUSINESS_KEY_ = #{code} or RES.ID_ = #{code})");
            params.put("code", f.code());
        }
        if (f.process() != null) {
            requireProcess(f.process());
            sql.append(" and RES.PROC_DEF_KEY_ = #{process}");
            params.put("process", f.process());
        } else {
            sql.append(" and RES.SUPER_PROCESS_INSTANCE_ID_ is null");
        }
        dates(sql, params, "START_TIME_", "startedFrom", f.startedFrom(), "startedTo", f.startedTo());
        dates(sql, params, "END_TIME_", "endedFrom", f.endedFrom(), "endedTo", f.endedTo());
        if (f.status() != null) {
            sql.append(switch (f.status()) {
                case RUNNING -> " and RES.END_TIME_ is null";
                case COMPLETED -> " and RES.STATE_ = 'COMPLETED'";
                case CANCELLED -> " and RES.STATE_ in ('EXTERNALLY_TERMINATED', 'INTERNALLY_TERMINATED')";
                case INCIDENT -> " and exists (select 1 from ACT_HI_INCIDENT I where I.ROOT_PROC_INST_ID_ = RES.ROOT_PROC_INST_ID_)";
            });
        }
        if (f.unit() != null) {
            List<String> subtree = subtree(f.unit());
            sql.append(" and exists (select 1 from ACT_HI_VARINST U where U.PROC_INST_ID_ = RES.ID_"
                    + " and U.NAME_ = 'unitCode' and U.TEXT_ in (");
            for (int i = 0; i < subtree.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("#{unit").append(i).append('}');
                params.put("unit" + i, subtree.get(i));
            }
            sql.append("))");
        }
        if (f.kind() != null) {
            requireKind(f.kind());
            sql.append(" and exists (select 1 from ACT_HI_VARINST K where K.PROC_INST_ID_ = RES.ID_"
                    + " and K.NAME_ = 'kind' and K.TEXT_ = #{kind})");
            params.put("kind", f.kind());
        }
        if (f.officer() != null) {
            requireOfficer(f.officer());
            // one set of trees, then a semi-join: an OR of two EXISTS would be tested row by row (8x slower)
            sql.append(" and RES.ROOT_PROC_INST_ID_ in (select T.ROOT_PROC_INST_ID_ from ACT_HI_TASKINST T"
                    + " where T.ASSIGNEE_ = #{officer} union select O.ROOT_PROC_INST_ID_ from ACT_HI_OP_LOG O"
                    + " where O.USER_ID_ = #{officer})");
            params.put("officer", f.officer());
        }
        if (ordered) {
            sql.append(" order by RES.").append(f.sort().column).append(f.descending() ? " desc" : " asc")
                    .append(", RES.ID_");
        }
        NativeHistoricProcessInstanceQuery query = history.createNativeHistoricProcessInstanceQuery().sql(sql.toString());
        params.forEach(query::parameter);
        return query;
    }

    private void dates(StringBuilder sql, Map<String, Object> params, String column, String fromName, LocalDate from,
            String toName, LocalDate to) {
        if (from != null) {
            sql.append(" and RES.").append(column).append(" >= #{").append(fromName).append('}');
            params.put(fromName, Date.from(from.atStartOfDay(zone).toInstant()));
        }
        if (to != null) {
            sql.append(" and RES.").append(column).append(" < #{").append(toName).append('}');
            params.put(toName, Date.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
        }
    }

    private List<String> subtree(String unit) {
        UnitTree.Snapshot tree = units.current();
        if (!tree.names().containsKey(unit)) {
            throw new Refusal("audit.refused.unit", unit);
        }
        return new ArrayList<>(tree.withSubtrees(List.of(unit)));
    }

    private void requireProcess(String key) {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
            throw new Refusal("audit.refused.process", key);
        }
    }

    private static void requireKind(String kind) {
        if (java.util.Arrays.stream(CaseKind.values()).noneMatch(k -> k.name().equals(kind))) {
            throw new Refusal("audit.refused.kind", kind);
        }
    }

    private void requireOfficer(String userId) {
        if (identity.createUserQuery().userId(userId).count() == 0) {
            throw new Refusal("audit.refused.officer", userId);
        }
    }

    /** The page's instances with their unit and kind: one variable query for the whole page. */
    private List<Row> rows(List<HistoricProcessInstance> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, Object>> vars = new HashMap<>();
        for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(found.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
                .variableNameIn("unitCode", "kind").disableBinaryFetching().list()) {
            vars.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
        }
        Map<String, String> names = units.current().names();
        return found.stream().map(pi -> {
            Map<String, Object> v = vars.getOrDefault(pi.getId(), Map.of());
            String unit = v.get("unitCode") instanceof String s ? s : null;
            return new Row(pi.getId(), pi.getBusinessKey(), pi.getProcessDefinitionKey(),
                    definitionName(pi.getProcessDefinitionId()), pi.getState(), instant(pi.getStartTime()),
                    instant(pi.getEndTime()), unit, unit == null ? null : names.getOrDefault(unit, unit),
                    v.get("kind") instanceof String s ? s : null);
        }).toList();
    }

    String definitionName(String definitionId) {
        if (definitionId == null) {
            return "";
        }
        return definitionNames.computeIfAbsent(definitionId, id -> {
            ProcessDefinition d = repository.getProcessDefinition(id);
            return d.getName() == null ? d.getKey() : d.getName();
        });
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

}
