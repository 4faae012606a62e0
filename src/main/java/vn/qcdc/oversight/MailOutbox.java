package vn.qcdc.oversight;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.qcdc.identity.SystemAuthority;
import vn.qcdc.platform.PlainMail;
import vn.qcdc.rules.DeadlineService;

/**
 * Mail to officers, through an outbox table: a notification's mails are queued in the notification's
 * transaction and sent afterwards; each row is claimed before it is sent, so two nodes never send one
 * twice, and a mail server that is down delays mail without losing it.
 */
@Component("mailOutbox")
public class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);
    static final int MAX_ATTEMPTS = 5;
    static final int DIGEST_HOUR = 7;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final JdbcTemplate jdbc;
    private final PlainMail mail;
    private final IdentityService identityService;
    private final DeadlineService deadlines;
    private final String baseUrl;
    private final TransactionTemplate own;
    private final Clock clock;

    MailOutbox(JdbcTemplate jdbc, PlainMail mail, @Lazy IdentityService identityService,
            DeadlineService deadlines, @Value("${qcdc.mail.base-url:http://localhost:8080}") String baseUrl, PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        // each claim, send and digest commits on its own, whatever the job around it does afterwards
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.mail = mail;
        this.identityService = identityService;
        this.deadlines = deadlines;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    void queueNotification(long notificationId, User user, int level, Map<String, Object> task, String unitName) {
        if (user.getEmail() == null || user.getEmail().isBlank()) {
            return;
        }
        Timestamp due = (Timestamp) task.get("due_at");
        String code = task.get("business_key") == null ? "" : task.get("business_key") + " ";
        String subject = "[QCDC] Quá hạn (bậc %d): %s%s".formatted(level, code, task.get("task_name"));
        String body = """
                Kính gửi %s,

                Việc "%s"%s của %s đã quá hạn xử lý (hạn %s). Đây là thông báo bậc %d của thang báo cáo quá hạn.

                Xem và giao lại việc trên bảng giám sát: %s/oversight?q=%s

                Thư tự động của hệ thống QCDC; xin không trả lời thư này.
                """.formatted(name(user), task.get("task_name"), code.isEmpty() ? "" : " (hồ sơ " + code.trim() + ")",
                unitName, due == null ? "" : WHEN.format(due.toInstant().atZone(deadlines.zone())), level, baseUrl,
                code.trim());
        jdbc.update("insert into oversight_mail (notification_id, recipient, address, subject, body, status, created_at)"
                + " values (?, ?, ?, ?, ?, 'PENDING', ?)", notificationId, user.getId(), user.getEmail(),
                BoardTasks.cut(subject, 300), body, Timestamp.from(clock.instant()));
    }

    /** Queues today's digests (after 7:00) and sends what waits in the outbox; returns how many were sent. */
    public int sendPending() {
        queueDigests();
        if (!mail.available()) {
            return 0;
        }
        int sent = 0;
        for (Map<String, Object> row : jdbc.queryForList("select id, address, subject, body from oversight_mail"
                + " where status = 'PENDING' order by id fetch first 500 rows only")) {
            long id = ((Number) row.get("id")).longValue();
            Integer claimed = own.execute(status -> jdbc.update("update oversight_mail set status = 'SENDING',"
                    + " attempts = attempts + 1 where id = ? and status = 'PENDING'", id));
            if (claimed == null || claimed != 1) {
                continue; // another node took it
            }
            try {
                mail.send((String) row.get("address"), (String) row.get("subject"), (String) row.get("body"));
                own.executeWithoutResult(status -> jdbc.update("update oversight_mail set status = 'SENT', sent_at = ?"
                        + " where id = ?", Timestamp.from(clock.instant()), id));
                sent++;
            } catch (RuntimeException e) {
                log.warn("Chưa gửi được thư {}: {}", id, e.toString());
                own.executeWithoutResult(status -> jdbc.update("update oversight_mail set status = case when"
                        + " attempts >= ? then 'FAILED' else 'PENDING' end, last_error = ? where id = ?", MAX_ATTEMPTS,
                        BoardTasks.cut(e.toString(), 500), id));
            }
        }
        return sent;
    }

    /** One digest a day for each officer who asked for one: their due-today and overdue tasks. */
    void queueDigests() {
        ZoneId zone = deadlines.zone();
        ZonedDateTime now = clock.instant().atZone(zone);
        if (now.getHour() < DIGEST_HOUR) {
            return;
        }
        LocalDate today = now.toLocalDate();
        Timestamp tomorrow = Timestamp.from(today.plusDays(1).atStartOfDay(zone).toInstant());
        for (String userId : jdbc.queryForList("select d.user_id from officer_digest d where not exists (select 1"
                + " from oversight_mail m where m.digest_day = ? and m.recipient = d.user_id)", String.class,
                java.sql.Date.valueOf(today))) {
            User user = SystemAuthority.call(identityService,
                    () -> identityService.createUserQuery().userId(userId).singleResult());
            if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
                continue;
            }
            List<String> groups = SystemAuthority.call(identityService, () -> identityService.createGroupQuery()
                    .groupMember(userId).list().stream().map(Group::getId).toList());
            List<Object> args = new ArrayList<>();
            args.add(tomorrow);
            args.add(userId);
            String sql = "select business_key, task_name, due_at from oversight_task where due_at < ? and (assignee = ?";
            if (!groups.isEmpty()) {
                sql += " or (assignee is null and candidate_group in (" + OversightBoard.marks(groups.size()) + "))";
                args.addAll(groups);
            }
            List<Map<String, Object>> tasks = jdbc.queryForList(sql + ") order by due_at fetch first 200 rows only",
                    args.toArray());
            StringBuilder body = new StringBuilder("Kính gửi " + name(user) + ",\n\n");
            if (tasks.isEmpty()) {
                body.append("Hôm nay anh/chị không có việc quá hạn hoặc đến hạn.\n");
            } else {
                body.append("Các việc quá hạn hoặc đến hạn hôm nay (").append(tasks.size()).append("):\n");
                Instant instant = now.toInstant();
                for (Map<String, Object> t : tasks) {
                    Timestamp due = (Timestamp) t.get("due_at");
                    body.append("- ").append(due.toInstant().isBefore(instant) ? "[QUÁ HẠN] " : "[HÔM NAY] ")
                            .append(t.get("business_key") == null ? "" : t.get("business_key") + " · ")
                            .append(t.get("task_name")).append(" · hạn ")
                            .append(WHEN.format(due.toInstant().atZone(zone))).append('\n');
                }
            }
            body.append("\nXem tại: ").append(baseUrl).append("/my-deadlines\n\nThư tổng hợp hằng ngày; tắt tại trang"
                    + " Thời hạn của tôi.\n");
            String text = BoardTasks.cut(body.toString(), 8000);
            try {
                own.executeWithoutResult(status -> jdbc.update("insert into oversight_mail (digest_day, recipient, address, subject, body, status, created_at)"
                        + " values (?, ?, ?, ?, ?, 'PENDING', ?)", java.sql.Date.valueOf(today), userId, user.getEmail(),
                        "[QCDC] Việc đến hạn ngày " + today.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                        text, Timestamp.from(now.toInstant())));
            } catch (DuplicateKeyException already) {
                // queued by another node
            }
        }
    }

    private static String name(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? user.getId() : name;
    }
}
