package vn.qcdc.cases;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Year;
import java.util.Base64;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tracking codes (KN-2026-7KQ4ZP) and PINs. A PIN is kept only as an HMAC keyed with a server
 * secret, so a copied database does not give PINs away; guessing online is stopped by the lock-out.
 */
@Component
class CaseCodes {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int CODE_LETTERS = 6;
    /** 32^6 codes a kind and year: a repeat is rare, but likely once a year's cases run into tens of thousands. */
    private static final int MAX_DRAWS = 20;
    private final RandomGenerator random;
    private final SecretKeySpec pinKey;
    private final Clock clock;

    @Autowired
    CaseCodes(@Value("${qcdc.crypto.identity-key}") String base64Key, Clock clock) {
        this(base64Key, clock, new SecureRandom());
    }

    CaseCodes(String base64Key, Clock clock, RandomGenerator random) {
        // a key of its own, derived from the configured one, so the two uses never share a key
        byte[] derived = sha256(("qcdc-pin:" + base64Key).getBytes(StandardCharsets.UTF_8));
        this.pinKey = new SecretKeySpec(derived, "HmacSHA256");
        this.clock = clock;
        this.random = random;
    }

    /** A code no case has yet ({@code taken} tells which are in use), with the year in Vietnamese time. */
    String newTrackingCode(CaseKind kind, Predicate<String> taken) {
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            StringBuilder code = new StringBuilder(kind.codePrefix()).append('-').append(Year.now(clock).getValue())
                    .append('-');
            for (int i = 0; i < CODE_LETTERS; i++) {
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            if (!taken.test(code.toString())) {
                return code.toString();
            }
        }
        throw new IllegalStateException("no free tracking code after " + MAX_DRAWS + " draws");
    }

    String newPin() {
        String digits = Integer.toString(random.nextInt(1_000_000));
        return "0".repeat(6 - digits.length()) + digits;
    }

    String pinHash(String trackingCode, String pin) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pinKey);
            return Base64.getEncoder().encodeToString(mac.doFinal((trackingCode + ":" + pin).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean pinMatches(String trackingCode, String pin, String storedHash) {
        return MessageDigest.isEqual(pinHash(trackingCode, pin).getBytes(StandardCharsets.UTF_8),
                storedHash.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
