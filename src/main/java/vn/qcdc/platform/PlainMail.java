package vn.qcdc.platform;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * A plain-text mail from the system's address ({@code qcdc.mail.from}) over the SMTP server of {@code spring.mail.*},
 * for the modules' outboxes. Without a configured server nothing is sent and the outboxes keep their mail.
 */
@Component
public class PlainMail {

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    PlainMail(ObjectProvider<JavaMailSender> sender, @Value("${qcdc.mail.from:qcdc@localhost}") String from) {
        this.sender = sender;
        this.from = from;
    }

    /** Whether an SMTP server is configured at all. */
    public boolean available() {
        return sender.getIfAvailable() != null;
    }

    /** Sends or throws (the server refused, is down, or none is configured). */
    public void send(String to, String subject, String body) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            throw new IllegalStateException("no SMTP server configured (spring.mail.host)");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(body);
        mail.send(message);
    }
}
