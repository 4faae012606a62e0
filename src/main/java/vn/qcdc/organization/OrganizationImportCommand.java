package vn.qcdc.organization;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Command-line entry of the organisation import:
 * {@code java -jar qcdc.jar --import-organization=file.csv} applies the file, prints the outcome and
 * exits (status 0 when applied, 2 when refused).
 */
@Component
@Order(100)
class OrganizationImportCommand implements ApplicationRunner {

    static final String OPTION = "import-organization";
    private static final Logger log = LoggerFactory.getLogger(OrganizationImportCommand.class);

    private final ReorganizationService reorganizations;
    private final MessageSource messages;
    private final ApplicationContext context;

    OrganizationImportCommand(ReorganizationService reorganizations, MessageSource messages, ApplicationContext context) {
        this.reorganizations = reorganizations;
        this.messages = messages;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!args.containsOption(OPTION)) {
            return;
        }
        Path file = Path.of(args.getOptionValues(OPTION).get(0));
        int status;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            var result = reorganizations.apply(reader, file.getFileName().toString(), "command-line");
            log.info("Đã áp dụng {}: hiệu lực {}, tạo {}, cập nhật {}, giải thể {}, chuyển {} công việc.", file,
                    result.effectiveDate(), result.created(), result.updated(), result.dissolved(), result.movedTasks());
            status = 0;
        } catch (ReorganizationRejectedException e) {
            e.problems().forEach(p -> log.error("Dòng {}: {}", p.line(),
                    messages.getMessage(p.messageKey(), p.args(), java.util.Locale.forLanguageTag("vi"))));
            log.error("Tệp {} bị từ chối, không có thay đổi nào.", file);
            status = 2;
        }
        int exit = status;
        System.exit(SpringApplication.exit(context, () -> exit));
    }
}
