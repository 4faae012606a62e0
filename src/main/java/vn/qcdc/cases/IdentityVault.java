package vn.qcdc.cases;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A denouncer's identity, kept apart from the case and encrypted at rest with AES-GCM (key from
 * {@code qcdc.crypto.identity-key}). Every read is recorded with who and when; who may read is
 * decided by {@link CaseAccess}.
 */
@Component
public class IdentityVault {

    public record DenouncerIdentity(String name, String address, String contact) {
    }

    private static final int NONCE_BYTES = 12;
    private final SecretKeySpec key;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    IdentityVault(@Value("${qcdc.crypto.identity-key}") String base64Key, JdbcTemplate jdbc, Clock clock) {
        byte[] raw = Base64.getDecoder().decode(base64Key);
        if (raw.length != 32) {
            throw new IllegalStateException("qcdc.crypto.identity-key must be 32 bytes, base64-encoded");
        }
        this.key = new SecretKeySpec(raw, "AES");
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void store(long caseId, DenouncerIdentity identity) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(Long.toString(caseId).getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(json.writeValueAsBytes(identity));
            jdbc.update("insert into denouncer_identity (case_id, nonce, cipher_text) values (?, ?, ?)", caseId,
                    HexFormat.of().formatHex(nonce), Base64.getEncoder().encodeToString(sealed));
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("could not seal a denouncer's identity", e);
        }
    }

    boolean holds(long caseId) {
        return jdbc.queryForObject("select count(*) from denouncer_identity where case_id = ?", Long.class, caseId) > 0;
    }

    /** Decrypts and records the access. Call only after {@link CaseAccess} allowed it. */
    Optional<DenouncerIdentity> read(long caseId, String reader, String purpose) {
        var row = jdbc.query("select nonce, cipher_text from denouncer_identity where case_id = ?",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, caseId).stream().findFirst();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        jdbc.update("insert into identity_access (case_id, accessed_by, accessed_at, purpose) values (?, ?, ?, ?)",
                caseId, reader, Timestamp.from(clock.instant()), purpose);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, HexFormat.of().parseHex(row.get()[0])));
            cipher.updateAAD(Long.toString(caseId).getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(Base64.getDecoder().decode(row.get()[1]));
            return Optional.of(json.readValue(plain, DenouncerIdentity.class));
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("could not open a denouncer's identity", e);
        }
    }

    /**
     * Whether a text meant for the public names or locates the denouncer of this case: their name, address or
     * contact, compared ignoring case and spacing, and a phone number by its digits. The check is a
     * read like any other and is logged as such.
     */
    boolean mentionedIn(long caseId, String text, String reader, String purpose) {
        DenouncerIdentity identity = read(caseId, reader, purpose).orElse(null);
        if (identity == null || text == null) {
            return false;
        }
        String plain = normalized(text);
        String digits = text.replaceAll("\\D", "");
        return contains(plain, normalized(identity.name())) || contains(plain, normalized(identity.address()))
                || (identity.contact() != null && contains(plain, normalized(identity.contact())))
                || (identity.contact() != null && identity.contact().replaceAll("\\D", "").length() >= 6
                        && digits.contains(identity.contact().replaceAll("\\D", "")));
    }

    private static boolean contains(String text, String part) {
        return part != null && part.length() >= 3 && text.contains(part);
    }

    private static String normalized(String s) {
        return s == null ? null : s.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ").trim();
    }

    public record Access(String accessedBy, Instant accessedAt, String purpose) {
    }

    public java.util.List<Access> accessLog(long caseId) {
        return jdbc.query("select accessed_by, accessed_at, purpose from identity_access where case_id = ? order by id",
                (rs, i) -> new Access(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3)), caseId);
    }
}
