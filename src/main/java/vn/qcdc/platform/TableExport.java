package vn.qcdc.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A table of a page as a download: CSV (UTF-8 with a byte-order mark, so spreadsheets read Vietnamese)
 * and XLSX, both with cells a spreadsheet cannot take for formulas.
 */
public final class TableExport {

    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private TableExport() {
    }

    public static String csv(List<String> header, List<? extends List<?>> lines) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord(header);
            for (List<?> line : lines) {
                csv.printRecord(line.stream().map(PlainText::spreadsheetSafe).toList());
            }
        }
        return "\uFEFF" + out;
    }

    public static byte[] xlsx(String sheetName, List<String> header, List<? extends List<?>> lines) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(sheetName);
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                head.createCell(i).setCellValue(header.get(i));
            }
            int r = 1;
            for (List<?> line : lines) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < line.size(); i++) {
                    Object v = line.get(i);
                    if (v instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(i).setCellValue(v == null ? "" : PlainText.spreadsheetSafe(v));
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    public static ResponseEntity<String> csvDownload(String fileName, String body) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"").body(body);
    }

    public static ResponseEntity<byte[]> xlsxDownload(String fileName, byte[] body) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"").body(body);
    }
}
