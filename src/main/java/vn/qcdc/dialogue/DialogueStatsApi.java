package vn.qcdc.dialogue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Signed in: dialogues held and planned per unit in a year (target 8). */
@RestController
class DialogueStatsApi {

    private final DialogueStats stats;
    private final Clock clock;

    DialogueStatsApi(DialogueStats stats, Clock clock) {
        this.stats = stats;
        this.clock = clock;
    }

    @GetMapping("/api/dialogues/stats")
    List<DialogueStats.UnitDialogues> stats(@RequestParam(required = false) Integer year) {
        LocalDate today = LocalDate.now(clock);
        int y = year == null ? today.getYear() : year;
        if (y < 2000 || y > 2100) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST);
        }
        return stats.ofYear(y, today);
    }
}
