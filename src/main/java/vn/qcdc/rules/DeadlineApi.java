package vn.qcdc.rules;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Thời hạn luật định", description = "Statutory deadline rules and the working-day calendar")
class DeadlineApi {

    private final DeadlineService deadlines;

    DeadlineApi(DeadlineService deadlines) {
        this.deadlines = deadlines;
    }

    record DueDate(String rule, int amount, DayKind dayKind, String legalBasis, LocalDate receivedOn, LocalDate dueOn,
            Instant dueAt) {
    }

    @GetMapping("/api/rules/{code}/due")
    @Operation(summary = "Hạn của quy tắc R cho hồ sơ nhận lúc T (quy tắc có hiệu lực tại T)")
    DueDate due(@PathVariable String code,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant receivedAt) {
        LocalDate receivedOn = receivedAt.atZone(deadlines.zone()).toLocalDate();
        DeadlineRule rule = deadlines.ruleInForce(code, receivedOn);
        return new DueDate(rule.code(), rule.amount(), rule.dayKind(), rule.legalBasis(), receivedOn,
                deadlines.dueDay(code, receivedOn), deadlines.dueInstant(code, receivedAt));
    }
}
