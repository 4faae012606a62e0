package vn.qcdc.selfcriticism;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.qcdc.identity.Officers;
import vn.qcdc.identity.Role;
import org.springframework.http.HttpStatus;
import vn.qcdc.platform.Refusal;

/** Citizens' comments on a session: from the portal (moderated) or entered by reception officers. */
@Service
public class SessionComments {

    static final int MAX_LENGTH = 2000;

    private final SelfCriticismStore store;
    private final CommentRateLimit rateLimit;
    private final Officers officers;
    private final Clock clock;

    SessionComments(SelfCriticismStore store, CommentRateLimit rateLimit, Officers officers, Clock clock) {
        this.store = store;
        this.rateLimit = rateLimit;
        this.officers = officers;
        this.clock = clock;
    }

    /** A citizen's comment from the portal: pending until a reception officer of the unit approves it. */
    @Transactional
    public long submitFromPortal(long sessionId, Long officialId, String body, String authorName, String client) {
        SelfCriticismStore.Session session = publicSession(sessionId);
        if (!session.status().openForComments()) {
            throw new Refusal(HttpStatus.CONFLICT, "sc.error.closed");
        }
        String text = check(session, officialId, body, authorName);
        if (!rateLimit.tryAcquire(client)) {
            throw new Refusal(HttpStatus.TOO_MANY_REQUESTS, "sc.error.rate");
        }
        return store.insertComment(sessionId, officialId, "PORTAL", text, blankToNull(authorName), SelfCriticismStore.Comment.Status.PENDING, null,
                clock.instant());
    }

    /** A comment received in person or from the suggestion box, entered by a reception officer of the unit. */
    @Transactional
    public long enterByOfficer(long sessionId, Long officialId, String body, String authorName, String officer) {
        SelfCriticismStore.Session session = publicSession(sessionId);
        requireReceptionOfficer(officer, session.unitCode());
        if (session.status() != SessionStatus.NOTICE_PUBLISHED && session.status() != SessionStatus.COMMENTS_CLOSED) {
            throw new Refusal(HttpStatus.CONFLICT, "sc.error.closed");
        }
        String text = check(session, officialId, body, authorName);
        return store.insertComment(sessionId, officialId, "OFFICER", text, blankToNull(authorName), SelfCriticismStore.Comment.Status.APPROVED, officer,
                clock.instant());
    }

    @Transactional
    public void moderate(long commentId, boolean approve, String reason, String officer) {
        SelfCriticismStore.Comment comment = store.comment(commentId)
                .orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "sc.error.not-found"));
        SelfCriticismStore.Session session = store.session(comment.sessionId()).orElseThrow();
        requireReceptionOfficer(officer, session.unitCode());
        String why = reason == null ? "" : reason.trim();
        if (!approve && (why.isEmpty() || why.length() > 500)) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "sc.error.reason");
        }
        if (store.moderate(commentId, approve ? SelfCriticismStore.Comment.Status.APPROVED
                : SelfCriticismStore.Comment.Status.REJECTED, approve ? null : why, officer,
                clock.instant()) == 0) {
            throw new Refusal(HttpStatus.CONFLICT, "sc.error.moderated");
        }
    }

    public SelfCriticismStore.Session publicSession(long sessionId) {
        return store.session(sessionId).filter(s -> s.status() != SessionStatus.PLANNING)
                .orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "sc.error.not-found"));
    }

    /** The units where this user is a reception officer. */
    public List<String> receptionUnits(String user) {
        return officers.of(user).unitsWhere(Role.RECEPTION_OFFICER);
    }

    private void requireReceptionOfficer(String user, String unitCode) {
        if (user == null || !Set.copyOf(receptionUnits(user)).contains(unitCode)) {
            throw new Refusal(HttpStatus.FORBIDDEN, "sc.error.forbidden");
        }
    }

    private String check(SelfCriticismStore.Session session, Long officialId, String body, String authorName) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "sc.error.empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "sc.error.too-long");
        }
        if (authorName != null && authorName.strip().length() > 200) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "sc.error.name");
        }
        if (officialId != null && store.officials(session.id()).stream().noneMatch(o -> o.id() == officialId)) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "sc.error.official");
        }
        return text;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
