package vn.qcdc.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo's SMS gateway ({@code qcdc.sms.gateway: log}, the default): each message goes to the log and, when
 * {@code qcdc.sms.log-file} names one, is appended to that file. The number is masked but for its last three digits,
 * so the log never pairs a whole number with a case code.
 */
@Component
@ConditionalOnProperty(name = "qcdc.sms.gateway", havingValue = "log", matchIfMissing = true)
class LogSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger("qcdc.sms");

    private final String file;
    private final Clock clock;

    LogSmsGateway(@Value("${qcdc.sms.log-file:}") String file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    @Override
    public void send(String number, String text) {
        String line = clock.instant() + " " + masked(number) + " " + text.replace('\n', ' ');
        log.info("SMS {}", line);
        if (!file.isBlank()) {
            try {
                Path path = Path.of(file);
                if (path.getParent() != null) {
                    Files.createDirectories(path.getParent());
                }
                Files.writeString(path, line + System.lineSeparator(), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static String masked(String number) {
        if (number == null || number.length() <= 3) {
            return "***";
        }
        return "*".repeat(number.length() - 3) + number.substring(number.length() - 3);
    }
}
