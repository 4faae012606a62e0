package vn.qcdc.inspection;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.qcdc.platform.Inserts;

/** Inspection plans, their units, teams and scope, self-reports, checklists, conclusions and remediation items. */
@Repository
public class InspectionStore {

    public record Plan(long id, int year, String steeringUnit, String draftedBy, Status status, String headComment) {
        /** The values of {@code inspection_plan.status}. */
        public enum Status { DRAFT, RETURNED, APPROVED }
    }

    public record PlanUnit(long id, long planId, String unitCode, LocalDate inspectionDate, Instant notifiedAt) {
    }

    /** A unit in a plan, as the inspections list shows it. */
    public record ListedUnit(long planUnitId, long planId, int year, String unitCode, LocalDate inspectionDate,
            Plan.Status planStatus) {
    }

    public record ChecklistItem(int target, String verdict, String evidence, String remark) {
    }

    public record SelfReport(int target, String text, String evidence) {
    }

    public record Conclusion(long planUnitId, String text, boolean lossOfDemocracy, Status status, String headComment,
            String draftedBy, String signedBy) {
        /** The values of {@code inspection_conclusion.status}. */
        public enum Status { DRAFT, RETURNED, SIGNED }
    }

    public record Remediation(long id, long planUnitId, String recommendation, LocalDate due, Status status,
            String result, String verifyComment) {
        /** The values of {@code inspection_remediation.status}. */
        public enum Status { OPEN, VERIFIED, REOPENED }
    }

    private final JdbcTemplate jdbc;

    InspectionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- plan ------------------------------------------------------------------------------------

    long insertPlan(int year, String steeringUnit, String draftedBy, Instant now, String processInstanceId) {
        return insert("insert into inspection_plan (plan_year, steering_unit, drafted_by, drafted_at, status,"
                + " process_instance_id) values (?, ?, ?, ?, 'DRAFT', ?)", year, steeringUnit, draftedBy,
                Timestamp.from(now), processInstanceId);
    }

    /** Replaces the plan's year, units, team and scope (a revision after the head returned it). */
    void replacePlanContents(long planId, int year, List<String> units, LocalDate date, List<String> team, String lead,
            List<Integer> scope) {
        jdbc.update("update inspection_plan set plan_year = ?, status = 'DRAFT' where id = ?", year, planId);
        jdbc.update("delete from inspection_plan_unit where plan_id = ?", planId);
        jdbc.update("delete from inspection_team_member where plan_id = ?", planId);
        jdbc.update("delete from inspection_scope where plan_id = ?", planId);
        for (String u : units) {
            jdbc.update("insert into inspection_plan_unit (plan_id, unit_code, inspection_date) values (?, ?, ?)", planId, u,
                    Date.valueOf(date));
        }
        for (String m : team) {
            jdbc.update("insert into inspection_team_member (plan_id, user_id, is_lead) values (?, ?, ?)", planId, m,
                    m.equals(lead));
        }
        for (Integer t : scope) {
            jdbc.update("insert into inspection_scope (plan_id, target_number) values (?, ?)", planId, t);
        }
    }

    void setPlanStatus(long planId, Plan.Status status, String headComment, String by, Instant now) {
        if (status == Plan.Status.APPROVED) {
            jdbc.update("update inspection_plan set status = ?, head_comment = ?, approved_by = ?, approved_at = ? where id = ?",
                    status.name(), headComment, by, Timestamp.from(now), planId);
        } else {
            jdbc.update("update inspection_plan set status = ?, head_comment = ? where id = ?", status.name(), headComment,
                    planId);
        }
    }

    /** Everything for auditors and admins; else the plans the user inspects or whose steering unit they serve. */
    public List<ListedUnit> listed(boolean all, String userId, List<String> steeringUnits) {
        List<Object> args = new java.util.ArrayList<>();
        StringBuilder where = new StringBuilder();
        if (!all) {
            where.append(" where exists (select 1 from inspection_team_member t where t.plan_id = p.id and t.user_id = ?)");
            args.add(userId);
            if (!steeringUnits.isEmpty()) {
                where.append(" or p.steering_unit in (").append(String.join(",", steeringUnits.stream().map(u -> "?").toList()))
                        .append(')');
                args.addAll(steeringUnits);
            }
        }
        return jdbc.query("select pu.id, p.id, p.plan_year, pu.unit_code, pu.inspection_date, p.status"
                + " from inspection_plan_unit pu join inspection_plan p on p.id = pu.plan_id" + where
                + " order by p.plan_year desc, pu.inspection_date, pu.unit_code fetch first 500 rows only",
                (rs, i) -> new ListedUnit(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                        rs.getDate(5).toLocalDate(), Plan.Status.valueOf(rs.getString(6))), args.toArray());
    }

    public Optional<Plan> plan(long planId) {
        return jdbc.query("select id, plan_year, steering_unit, drafted_by, status, head_comment from inspection_plan where id = ?",
                (rs, i) -> new Plan(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        Plan.Status.valueOf(rs.getString(5)), rs.getString(6)), planId).stream().findFirst();
    }

    public List<Long> planUnitIds(long planId) {
        return jdbc.queryForList("select id from inspection_plan_unit where plan_id = ? order by id", Long.class, planId);
    }

    public long planUnitOf(long planId, String unitCode) {
        return jdbc.queryForObject("select id from inspection_plan_unit where plan_id = ? and unit_code = ?", Long.class,
                planId, unitCode);
    }

    public List<String> unitCodes(long planId) {
        return jdbc.queryForList("select unit_code from inspection_plan_unit where plan_id = ? order by id", String.class,
                planId);
    }

    /** The process instance that drafted the plan behind a plan, a planned unit or a remediation item: its owner. */
    String ownerOfPlan(long planId) {
        return owner("select process_instance_id from inspection_plan where id = ?", planId);
    }

    String ownerOfPlanUnit(long planUnitId) {
        return owner("select p.process_instance_id from inspection_plan p join inspection_plan_unit u on u.plan_id = p.id"
                + " where u.id = ?", planUnitId);
    }

    String ownerOfRemediation(long remediationId) {
        return owner("select p.process_instance_id from inspection_plan p join inspection_plan_unit u on u.plan_id = p.id"
                + " join inspection_remediation r on r.plan_unit_id = u.id where r.id = ?", remediationId);
    }

    private String owner(String sql, long id) {
        return jdbc.queryForList(sql, String.class, id).stream().findFirst().orElse(null);
    }

    public Optional<PlanUnit> planUnit(long planUnitId) {
        return jdbc.query("select id, plan_id, unit_code, inspection_date, notified_at from inspection_plan_unit where id = ?",
                (rs, i) -> new PlanUnit(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()), planUnitId).stream().findFirst();
    }

    void notified(long planUnitId, LocalDate inspectionDate, Instant now) {
        jdbc.update("update inspection_plan_unit set inspection_date = ?, notified_at = ? where id = ?",
                Date.valueOf(inspectionDate), Timestamp.from(now), planUnitId);
    }

    public List<String> team(long planId) {
        return jdbc.queryForList("select user_id from inspection_team_member where plan_id = ? order by is_lead desc, user_id",
                String.class, planId);
    }

    public String lead(long planId) {
        return jdbc.queryForObject("select user_id from inspection_team_member where plan_id = ? and is_lead = true",
                String.class, planId);
    }

    public List<Integer> scope(long planId) {
        return jdbc.queryForList("select target_number from inspection_scope where plan_id = ? order by target_number",
                Integer.class, planId);
    }

    // ---- self-report, checklist, conclusion ------------------------------------------------------

    void saveSelfReport(long planUnitId, List<SelfReport> reports, String by, Instant now) {
        jdbc.update("delete from inspection_self_report where plan_unit_id = ?", planUnitId);
        for (SelfReport r : reports) {
            jdbc.update("insert into inspection_self_report (plan_unit_id, target_number, report_text, evidence, submitted_by,"
                    + " submitted_at) values (?, ?, ?, ?, ?, ?)", planUnitId, r.target(), r.text(), r.evidence(), by,
                    Timestamp.from(now));
        }
    }

    public List<SelfReport> selfReports(long planUnitId) {
        return jdbc.query("select target_number, report_text, evidence from inspection_self_report where plan_unit_id = ?"
                + " order by target_number", (rs, i) -> new SelfReport(rs.getInt(1), rs.getString(2), rs.getString(3)),
                planUnitId);
    }

    void saveChecklist(long planUnitId, List<ChecklistItem> items, String by, Instant now) {
        jdbc.update("delete from inspection_checklist_item where plan_unit_id = ?", planUnitId);
        for (ChecklistItem c : items) {
            jdbc.update("insert into inspection_checklist_item (plan_unit_id, target_number, verdict, evidence, remark,"
                    + " recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?)", planUnitId, c.target(), c.verdict(),
                    c.evidence(), c.remark(), by, Timestamp.from(now));
        }
    }

    public List<ChecklistItem> checklist(long planUnitId) {
        return jdbc.query("select target_number, verdict, evidence, remark from inspection_checklist_item where plan_unit_id = ?"
                + " order by target_number", (rs, i) -> new ChecklistItem(rs.getInt(1), rs.getString(2), rs.getString(3),
                rs.getString(4)), planUnitId);
    }

    /** The latest verdict on a target for a unit from another, signed inspection. */
    public Optional<String> earlierSignedVerdict(String unitCode, int target, long exceptPlanUnitId) {
        return jdbc.queryForList("select c.verdict from inspection_checklist_item c"
                + " join inspection_plan_unit pu on pu.id = c.plan_unit_id"
                + " join inspection_conclusion k on k.plan_unit_id = pu.id and k.status = 'SIGNED'"
                + " where pu.unit_code = ? and c.target_number = ? and pu.id <> ? order by k.signed_at desc",
                String.class, unitCode, target, exceptPlanUnitId).stream().findFirst();
    }

    void saveConclusion(long planUnitId, String text, boolean loss, String by) {
        int updated = jdbc.update("update inspection_conclusion set conclusion_text = ?, loss_of_democracy = ?, status = 'DRAFT',"
                + " drafted_by = ? where plan_unit_id = ?", text, loss, by, planUnitId);
        if (updated == 0) {
            jdbc.update("insert into inspection_conclusion (plan_unit_id, conclusion_text, loss_of_democracy, status, drafted_by)"
                    + " values (?, ?, ?, 'DRAFT', ?)", planUnitId, text, loss, by);
        }
    }

    void returnConclusion(long planUnitId, String comment) {
        jdbc.update("update inspection_conclusion set status = 'RETURNED', head_comment = ? where plan_unit_id = ?", comment,
                planUnitId);
    }

    void signConclusion(long planUnitId, String comment, String by, Instant now) {
        jdbc.update("update inspection_conclusion set status = 'SIGNED', head_comment = ?, signed_by = ?, signed_at = ?"
                + " where plan_unit_id = ?", comment, by, Timestamp.from(now), planUnitId);
    }

    public Optional<Conclusion> conclusion(long planUnitId) {
        return jdbc.query("select plan_unit_id, conclusion_text, loss_of_democracy, status, head_comment, drafted_by, signed_by"
                + " from inspection_conclusion where plan_unit_id = ?", (rs, i) -> new Conclusion(rs.getLong(1),
                rs.getString(2), rs.getBoolean(3), Conclusion.Status.valueOf(rs.getString(4)), rs.getString(5),
                rs.getString(6), rs.getString(7)), planUnitId).stream().findFirst();
    }

    // ---- remediation -----------------------------------------------------------------------------

    long insertRemediation(long planUnitId, String recommendation, LocalDate due) {
        return insert("insert into inspection_remediation (plan_unit_id, recommendation, due_date, status) values (?, ?, ?, 'OPEN')",
                planUnitId, recommendation, Date.valueOf(due));
    }

    public List<Remediation> remediations(long planUnitId) {
        return jdbc.query("select id, plan_unit_id, recommendation, due_date, status, result_text, verify_comment"
                + " from inspection_remediation where plan_unit_id = ? order by id", (rs, i) -> new Remediation(rs.getLong(1),
                rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate(), Remediation.Status.valueOf(rs.getString(5)),
                rs.getString(6), rs.getString(7)), planUnitId);
    }

    public Remediation remediation(long id) {
        return jdbc.queryForObject("select id, plan_unit_id, recommendation, due_date, status, result_text, verify_comment"
                + " from inspection_remediation where id = ?", (rs, i) -> new Remediation(rs.getLong(1), rs.getLong(2),
                rs.getString(3), rs.getDate(4).toLocalDate(), Remediation.Status.valueOf(rs.getString(5)), rs.getString(6),
                rs.getString(7)), id);
    }

    void remediationResult(long id, String result) {
        jdbc.update("update inspection_remediation set result_text = ? where id = ?", result, id);
    }

    void verifyRemediation(long id, boolean verified, String comment, String by, Instant now) {
        jdbc.update("update inspection_remediation set status = ?, verify_comment = ?, verified_by = ?, verified_at = ? where id = ?",
                (verified ? Remediation.Status.VERIFIED : Remediation.Status.REOPENED).name(), comment, by,
                Timestamp.from(now), id);
    }

    // ---- findings --------------------------------------------------------------------------------

    /** unit, target, verdict of signed inspections of the year, latest signature first. */
    List<Object[]> signedVerdicts(int year) {
        return jdbc.query("select pu.unit_code, c.target_number, c.verdict from inspection_checklist_item c"
                + " join inspection_plan_unit pu on pu.id = c.plan_unit_id"
                + " join inspection_plan p on p.id = pu.plan_id"
                + " join inspection_conclusion k on k.plan_unit_id = pu.id and k.status = 'SIGNED'"
                + " where p.plan_year = ? order by k.signed_at desc, k.id desc",
                (rs, i) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getString(3)}, year);
    }

    List<String> lossOfDemocracyUnits(int year) {
        return jdbc.queryForList("select distinct pu.unit_code from inspection_conclusion k"
                + " join inspection_plan_unit pu on pu.id = k.plan_unit_id join inspection_plan p on p.id = pu.plan_id"
                + " where p.plan_year = ? and k.status = 'SIGNED' and k.loss_of_democracy = true order by pu.unit_code",
                String.class, year);
    }

    private long insert(String sql, Object... args) {
        return Inserts.returningId(jdbc, sql, args);
    }
}
