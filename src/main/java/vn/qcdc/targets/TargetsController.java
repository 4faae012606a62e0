package vn.qcdc.targets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

    TargetsController(TargetsService targets, MessageSource messages) {
        this.targets = targets;
        this.messages = messages;
    }

    @GetMapping("/targets")
    String dashboard(@RequestParam(required = false) Integer year, Authentication user, Model model) {
        int y = checkedYear(year, user);
        model.addAttribute("year", y);
        model.addAttribute("rows", targets.dashboard(y));
        return "targets/dashboard";
    }

    @GetMapping("/targets/{number}")
    String drillDown(@PathVariable String number, @RequestParam(required = false) Integer year, Authentication user,
            Model model) {
        int y = checkedYear(year, user);
        Target target = Target.ofNumber(number);
        if (target == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("year", y);
        model.addAttribute("row", targets.target(target, y));
        return "targets/detail";
    }

    @GetMapping("/targets/export.csv")
    ResponseEntity<String> csv(@RequestParam(required = false) Integer year, Authentication user, Locale locale)
            throws IOException {
        int y = checkedYear(year, user);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord((Object[]) header(locale));
            for (List<Object> line : lines(y, locale)) {
                csv.printRecord(line);
            }
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"chi-tieu-" + y + ".csv\"").body("\uFEFF" + out);
    }

    @GetMapping("/targets/export.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) Integer year, Authentication user, Locale locale)
            throws IOException {
        int y = checkedYear(year, user);
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(String.valueOf(y));
            String[] header = header(locale);
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                head.createCell(i).setCellValue(header[i]);
            }
            int r = 1;
            for (List<Object> line : lines(y, locale)) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < line.size(); i++) {
                    Object v = line.get(i);
                    if (v instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(i).setCellValue(v == null ? "" : v.toString());
                    }
                }
            }
            book.write(out);
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"chi-tieu-" + y + ".xlsx\"")
                    .body(out.toByteArray());
        }
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
        int y = year == null ? Year.now().getValue() : year;
        if (y < MIN_YEAR || y > MAX_YEAR) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return y;
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
