package vn.qcdc.targets;

import java.io.IOException;
import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.Locale;

import vn.qcdc.platform.TableExport;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The nine-targets dashboard with drill-down, chart and CSV/XLSX exports of exactly what it shows. */
@Controller
class TargetsController {

    static final int MIN_YEAR = 2018;
    static final int MAX_YEAR = 2100;

    private final TargetsService targets;
    private final MessageSource messages;
    private final Clock clock;

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    TargetsController(TargetsService targets, MessageSource messages, Clock clock) {
        this.targets = targets;
        this.messages = messages;
        this.clock = clock;
    }

    /** The figures a chart draws, as static/js/targets-chart.js reads them from the canvas. */
    private String chart(List<String> labels, List<Double> figures, List<Integer> goals, boolean colourByGoal,
            Locale locale) {
        java.util.Map<String, Object> chart = new java.util.LinkedHashMap<>();
        chart.put("labels", labels);
        chart.put("figures", figures);
        chart.put("goals", goals);
        chart.put("colourByGoal", colourByGoal);
        chart.put("figureLabel", messages.getMessage("targets.chart.figure", null, locale));
        chart.put("goalLabel", messages.getMessage("targets.chart.goal", null, locale));
        try {
            return JSON.writeValueAsString(chart);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @GetMapping("/targets")
    String dashboard(@RequestParam(required = false) Integer year, Authentication user, Model model, Locale locale) {
        int y = checkedYear(year, user);
        model.addAttribute("year", y);
        var rows = targets.dashboard(y);
        model.addAttribute("rows", rows);
        model.addAttribute("chart", chart(rows.stream().map(r -> r.target().number()).toList(),
                rows.stream().map(TargetsService.TargetRow::percent).toList(),
                rows.stream().map(r -> r.target().goalPercent()).toList(), false, locale));
        return "targets/dashboard";
    }

    @GetMapping("/targets/{number}")
    String drillDown(@PathVariable String number, @RequestParam(required = false) Integer year, Authentication user,
            Model model, Locale locale) {
        int y = checkedYear(year, user);
        Target target = Target.ofNumber(number);
        if (target == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("year", y);
        var row = targets.target(target, y);
        model.addAttribute("row", row);
        model.addAttribute("chart", chart(row.units().stream().map(TargetsService.UnitRow::unitName).toList(),
                row.units().stream().map(u -> (Double) u.percent()).toList(),
                row.units().stream().map(u -> target.goalPercent()).toList(), true, locale));
        return "targets/detail";
    }

    @GetMapping("/targets/export.csv")
    ResponseEntity<String> csv(@RequestParam(required = false) Integer year, Authentication user, Locale locale)
            throws IOException {
        int y = checkedYear(year, user);
        return TableExport.csvDownload("chi-tieu-" + y + ".csv",
                TableExport.csv(List.of(header(locale)), lines(y, locale)));
    }

    @GetMapping("/targets/export.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) Integer year, Authentication user, Locale locale)
            throws IOException {
        int y = checkedYear(year, user);
        return TableExport.xlsxDownload("chi-tieu-" + y + ".xlsx",
                TableExport.xlsx(String.valueOf(y), List.of(header(locale)), lines(y, locale)));
    }

    private String[] header(Locale locale) {
        return new String[] {"target", msg("targets.col.target", locale), "goal_percent", "numerator", "denominator",
                "percent", "met", "source"};
    }

    /** One line per target, the dashboard's figures exactly, then one per unit behind it. */
    private List<List<Object>> lines(int year, Locale locale) {
        List<List<Object>> lines = new java.util.ArrayList<>();
        for (TargetsService.TargetRow row : targets.dashboard(year)) {
            lines.add(java.util.Arrays.asList(row.target().number(), msg(row.target().messageKey(), locale),
                    row.target().goalPercent(), row.numerator(), row.denominator(), row.percent(), row.met(),
                    row.units().isEmpty() ? "" : row.computed() ? "COMPUTED" : "SELF_REPORTED"));
        }
        for (TargetsService.TargetRow row : targets.dashboard(year)) {
            for (TargetsService.UnitRow u : row.units()) {
                lines.add(java.util.Arrays.asList(row.target().number(), u.unitCode() + " " + u.unitName(),
                        row.target().goalPercent(), u.numerator(), u.denominator(), Math.round(u.percent() * 10) / 10.0,
                        u.percent() >= row.target().goalPercent(), u.source().name()));
            }
        }
        return lines;
    }

    private int checkedYear(Integer year, Authentication user) {
        if (!TargetsAccess.allows(user)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        int y = year == null ? Year.now(clock).getValue() : year;
        if (y < MIN_YEAR || y > MAX_YEAR) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return y;
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
