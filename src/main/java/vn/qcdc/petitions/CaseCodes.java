package vn.qcdc.petitions;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Year;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tracking codes (KN-2026-7KQ4ZP) and PINs. A PIN is kept only as an HMAC keyed with a server
 * secret, so a copied database does not give PINs away; guessing online is stopped by the lock-out.
 */
@Component
class CaseCodes {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec pinKey;

    CaseCodes(@Value("${qcdc.crypto.identity-key}") String base64Key) {
        // a key of its own, derived from the configured one, so the two uses never share a key
        byte[] derived = sha256(("qcdc-pin:" + base64Key).getBytes(StandardCharsets.UTF_8));
        this.pinKey = new SecretKeySpec(derived, "HmacSHA256");
    }

    String newTrackingCode(CaseKind kind) {
        StringBuilder code = new StringBuilder(kind.codePrefix()).append('-').append(Year.now().getValue()).append('-');
        for (int i = 0; i < 6; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    String newPin() {
        return String.format("%06d", random.nextInt(1_000_000));
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
