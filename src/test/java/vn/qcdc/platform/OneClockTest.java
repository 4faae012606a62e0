package vn.qcdc.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * Main code reads the time from the one {@code Clock} bean ({@link EngineClock}: the engine's clock, which tests
 * move, in the zone {@code qcdc.time-zone}), never from the system clock, the JVM's zone or a zone of its own.
 */
class OneClockTest {

    static final Path MAIN = Path.of("src", "main", "java");

    /** Where the clock and its zone are made: the only places that may name what everything else must not. */
    static final Set<String> ALLOWED = Set.of("vn/qcdc/platform/EngineClock.java", "vn/qcdc/platform/ClockConfig.java");

    /**
     * Other ways to read the time or pick a zone. {@code X.now(...)} is allowed only as {@code X.now(clock)}, the
     * injected bean.
     */
    static final Pattern FORBIDDEN = Pattern.compile(String.join("|",
            "\\b(?:Instant|LocalDate|LocalDateTime|LocalTime|ZonedDateTime|OffsetDateTime|OffsetTime|Year|YearMonth"
                    + "|MonthDay)\\.now\\((?!clock\\))",
            "\\bClockUtil\\b", "\\bClock\\.system", "\\bZoneId\\.(?:of|systemDefault)\\b", "\\bTimeZone\\.getDefault\\b",
            "\\bnew (?:java\\.util\\.)?Date\\(\\)", "\\bSystem\\.currentTimeMillis\\b", "\\bCalendar\\.getInstance\\b",
            "Asia/Ho_Chi_Minh", "qcdc\\.time-zone"));

    /** The same in page templates: they show times in {@code ${@clock.zone}} and compare with {@code @clock.instant()}. */
    static final Pattern FORBIDDEN_IN_TEMPLATES = Pattern.compile(
            "#(?:dates|temporals|calendars)\\.create(?:Now|Today)|ZoneId|Asia/Ho_Chi_Minh");

    @Test
    void mainCodeReadsTheTimeOnlyFromTheClockBean() throws IOException {
        assertThat(violations(MAIN, ".java", FORBIDDEN))
                .as("inject java.time.Clock and use clock.instant(), LocalDate.now(clock), clock.getZone()").isEmpty();
    }

    @Test
    void templatesReadTheTimeOnlyFromTheClockBean() throws IOException {
        assertThat(violations(Path.of("src", "main", "resources", "templates"), ".html", FORBIDDEN_IN_TEMPLATES))
                .as("use ${@clock.zone} and @clock.instant()").isEmpty();
    }

    private static List<String> violations(Path root, String extension, Pattern forbidden) throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(extension)).sorted().toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (ALLOWED.contains(relative)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = forbidden.matcher(lines.get(i));
                    while (m.find()) {
                        violations.add(relative + ":" + (i + 1) + " " + m.group());
                    }
                }
            }
        }
        return violations;
    }

    @Test
    void theScanFindsWhatItForbids() {
        assertThat(FORBIDDEN.matcher("LocalDate today = LocalDate.now();").find()).isTrue();
        assertThat(FORBIDDEN.matcher("LocalDate.now(deadlines.zone())").find()).isTrue();
        assertThat(FORBIDDEN.matcher("Instant.now()").find()).isTrue();
        assertThat(FORBIDDEN.matcher("ClockUtil.getCurrentTime()").find()).isTrue();
        assertThat(FORBIDDEN.matcher("@Value(\"${qcdc.time-zone:Asia/Ho_Chi_Minh}\") String zone").find()).isTrue();
        assertThat(FORBIDDEN.matcher("new Timestamp(System.currentTimeMillis())").find()).isTrue();
        assertThat(FORBIDDEN.matcher("LocalDate.now(clock); Year.now(clock); clock.instant()").find()).isFalse();
    }

    @Test
    void theConfiguredZoneIsAlsoTheJvmsDefault() {
        TimeZone before = TimeZone.getDefault();
        try {
            new ClockConfig.JvmZone().postProcessEnvironment(
                    new MockEnvironment().withProperty(ClockConfig.ZONE_PROPERTY, "Asia/Tokyo"), null);
            assertThat(TimeZone.getDefault().getID()).isEqualTo("Asia/Tokyo");
        } finally {
            TimeZone.setDefault(before);
        }
    }
}
