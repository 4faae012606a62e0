package vn.qcdc.cases;

import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import vn.qcdc.organization.OrgUnitRepository;
import vn.qcdc.platform.PlainMail;
import vn.qcdc.platform.SmsGateway;

/**
 * Citizens told without asking. A citizen who agreed at filing gets a message on each public status change
 * ({@link CaseNotice}): the change queues it in {@code case_notice} in its own transaction, and it is sent after that
 * commits, by e-mail ({@link PlainMail}) or SMS ({@link SmsGateway}). Each row is claimed (committed) before it is
 * sent, so a message is sent at most once whatever node, retry or restart runs the sender; a refused send is tried
 * again with a growing delay, {@value #MAX_ATTEMPTS} times at most.
 *
 * <p>A message says the case's code, its new status and where to follow it; for a complaint or petition also the
 * unit and the statutory deadline. Never the PIN (only its hash exists), never a note, and for a denunciation
 * nothing beyond code and status. A denouncer's address is never copied out of the {@link IdentityVault}: it is
 * opened at each send, and that access is logged like any other.
 */
@Component("citizenNotices")
public class CitizenNotices implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CitizenNotices.class);
    static final int MAX_ATTEMPTS = 8;
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration LONGEST_RETRY = Duration.ofHours(6);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** Published as a notice is queued; once the transaction commits, the sender runs. */
    record Queued(long caseId) {
    }

    private final JdbcTemplate jdbc;
    private final CaseRepository cases;
    private final IdentityVault vault;
    private final OrgUnitRepository units;
    private final MessageSource messages;
    private final PlainMail mail;
    private final SmsGateway sms;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String baseUrl;
    private final boolean async;
    private final TransactionTemplate own;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "citizen-notices");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean sendScheduled = new AtomicBoolean();

    CitizenNotices(JdbcTemplate jdbc, CaseRepository cases, IdentityVault vault, OrgUnitRepository units,
            MessageSource messages, PlainMail mail, SmsGateway sms, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactions, @Value("${qcdc.mail.base-url:http://localhost:8080}") String baseUrl,
            @Value("${qcdc.notify.async:true}") boolean async) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.vault = vault;
        this.units = units;
        this.messages = messages;
        this.mail = mail;
        this.sms = sms;
        this.events = events;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.async = async;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** At filing, in the filing's transaction: the citizen agreed to be told, at this contact. */
    void subscribe(long caseId, boolean denunciation, NoticeContact contact) {
        // the language the citizen filed in (a request's), Vietnamese for a filing recorded outside a request
        var asked = LocaleContextHolder.getLocaleContext();
        String locale = asked != null && asked.getLocale() != null && "en".equals(asked.getLocale().getLanguage())
                ? "en" : "vi";
        // a denouncer's address stays in the vault, sealed with the rest of their identity
        jdbc.update("insert into case_subscription (case_id, channel, address, locale, opted_in_at) values (?, ?, ?, ?, ?)",
                caseId, contact.medium().name(), denunciation ? null : contact.address(), locale,
                Timestamp.from(clock.instant()));
    }

    /** A second-time complaint is followed as the first was. */
    void copySubscription(long fromCaseId, long toCaseId) {
        jdbc.update("insert into case_subscription (case_id, channel, address, locale, opted_in_at) select ?, channel,"
                + " address, locale, opted_in_at from case_subscription where case_id = ?", toCaseId, fromCaseId);
    }

    public boolean subscribed(long caseId) {
        return !jdbc.queryForList("select 1 from case_subscription where case_id = ?", Integer.class, caseId).isEmpty();
    }

    /** In the transaction of the status change: queues the message if the citizen agreed to be told. */
    void queue(long caseId, CaseNotice event) {
        var subscription = jdbc.queryForList("select channel, locale from case_subscription where case_id = ?", caseId);
        if (subscription.isEmpty()) {
            return;
        }
        CitizenCase c = cases.find(caseId).orElseThrow();
        String channel = (String) subscription.get(0).get("channel");
        Locale locale = Locale.forLanguageTag((String) subscription.get(0).get("locale"));
        String status = messages.getMessage(event.messageKey(), null, locale);
        String subject = messages.getMessage("notice.subject", new Object[] {c.trackingCode(), status}, locale);
        String link = baseUrl + "/portal/track?code=" + c.trackingCode();
        String body;
        if (NoticeContact.Medium.SMS.name().equals(channel)) {
            body = unaccented(messages.getMessage("notice.sms", new Object[] {c.trackingCode(), status, link}, locale));
        } else {
            body = messages.getMessage("notice.mail", new Object[] {c.trackingCode(), status, details(c, locale), link},
                    locale);
        }
        Instant now = clock.instant();
        jdbc.update("insert into case_notice (case_id, event, channel, subject, body, status, next_attempt_at, created_at)"
                + " values (?, ?, ?, ?, ?, 'PENDING', ?, ?)", caseId, event.name(), channel, cut(subject, 300),
                cut(body, 2000), Timestamp.from(now), Timestamp.from(now));
        events.publishEvent(new Queued(caseId));
    }

    /** What a complaint's or petition's message adds to code and status; a denunciation's adds nothing. */
    private String details(CitizenCase c, Locale locale) {
        if (c.kind() == CaseKind.DENUNCIATION) {
            return "";
        }
        String unit = units.find(c.unitCode()).map(u -> u.name()).orElse(c.unitCode());
        String text = messages.getMessage("notice.mail.unit", new Object[] {unit}, locale);
        if (c.statutoryDeadline() != null && !c.status().finished()) {
            text += "\n" + messages.getMessage("notice.mail.deadline",
                    new Object[] {DAY.format(c.statutoryDeadline().atZone(clock.getZone()))}, locale);
        }
        return text + "\n";
    }

    @TransactionalEventListener(fallbackExecution = true)
    void queued(Queued event) {
        if (!async) {
            sendDue();
        } else if (sendScheduled.compareAndSet(false, true)) {
            sender.execute(() -> {
                sendScheduled.set(false);
                sendDue();
            });
        }
    }

    /** Retries what is due, on every node; the claims keep them from sending one message twice. */
    @Scheduled(fixedDelayString = "${qcdc.notify.retry-every:PT1M}", initialDelayString = "${qcdc.notify.retry-every:PT1M}")
    void retry() {
        sendDue();
    }

    /** A queued or sent message, for the admins' outbox page: no address is kept in the outbox to show. */
    public record Sent(long id, String trackingCode, String event, String channel, String status, int attempts,
            Instant createdAt, Instant sentAt, String subject, String body, String lastError) {
    }

    /** The latest {@code limit} messages, newest first. */
    public List<Sent> latest(int limit) {
        return jdbc.query("select n.id, c.tracking_code, n.event, n.channel, n.status, n.attempts, n.created_at, n.sent_at,"
                + " n.subject, n.body, n.last_error from case_notice n join citizen_case c on c.id = n.case_id"
                + " order by n.id desc fetch first " + Math.max(1, Math.min(limit, 500)) + " rows only",
                (rs, i) -> new Sent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(), rs.getString(9),
                        rs.getString(10), rs.getString(11)));
    }

    /** Sends every message that is due; returns how many were sent. */
    public int sendDue() {
        Timestamp now = Timestamp.from(clock.instant());
        List<Map<String, Object>> due = own.execute(tx -> jdbc.queryForList("select n.id, n.case_id, n.channel,"
                + " n.subject, n.body, s.address from case_notice n join case_subscription s on s.case_id = n.case_id"
                + " where n.status = 'PENDING' and n.next_attempt_at <= ? order by n.id fetch first 200 rows only", now));
        int sent = 0;
        for (Map<String, Object> row : due) {
            long id = ((Number) row.get("id")).longValue();
            boolean email = NoticeContact.Medium.EMAIL.name().equals(row.get("channel"));
            if (email && !mail.available()) {
                continue; // no SMTP server configured: the mail waits, its attempts untouched
            }
            Integer claimed = own.execute(tx -> jdbc.update("update case_notice set status = 'SENDING',"
                    + " attempts = attempts + 1 where id = ? and status = 'PENDING'", id));
            if (claimed == null || claimed != 1) {
                continue; // another node or run took it
            }
            String address = null;
            try {
                long caseId = ((Number) row.get("case_id")).longValue();
                address = addressOf(caseId, (String) row.get("address"));
                if (email) {
                    mail.send(address, (String) row.get("subject"), (String) row.get("body"));
                } else {
                    sms.send(address, (String) row.get("body"));
                }
                own.executeWithoutResult(tx -> jdbc.update("update case_notice set status = 'SENT', sent_at = ?,"
                        + " last_error = null where id = ?", Timestamp.from(clock.instant()), id));
                sent++;
            } catch (RuntimeException e) {
                String error = withoutAddress(e, address);
                log.warn("Chưa gửi được thông báo {} cho công dân: {}", id, error);
                own.executeWithoutResult(tx -> {
                    int attempts = jdbc.queryForObject("select attempts from case_notice where id = ?", Integer.class, id);
                    jdbc.update("update case_notice set status = ?, next_attempt_at = ?, last_error = ? where id = ?",
                            attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING",
                            Timestamp.from(clock.instant().plus(delayAfter(attempts))), cut(error, 500), id);
                });
            }
        }
        return sent;
    }

    /**
     * A refusal as the log and the outbox keep it: a mail server or an SMS gateway names the recipient in its errors,
     * and a denouncer's address must never leave the vault.
     */
    static String withoutAddress(RuntimeException e, String address) {
        String text = e.toString();
        return address == null || address.isEmpty() ? text : text.replace(address, "[địa chỉ người nhận]");
    }

    /** 1, 2, 4, … minutes after the first, second, third refusal; never more than six hours. */
    static Duration delayAfter(int attempts) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
    }

    /** The subscription's address, or for a denunciation the denouncer's contact, opened from the vault. */
    private String addressOf(long caseId, String stored) {
        if (stored != null) {
            return stored;
        }
        Optional<NoticeContact> sealed = vault.read(caseId, "system", "notification")
                .flatMap(identity -> NoticeContact.parse(identity.contact()));
        return sealed.orElseThrow(() -> new IllegalStateException("no contact to notify for case " + caseId)).address();
    }

    /** SMS brand-name providers expect unaccented text: "Hồ sơ đã được thụ lý" → "Ho so da duoc thu ly". */
    static String unaccented(String text) {
        return Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
    }
}
