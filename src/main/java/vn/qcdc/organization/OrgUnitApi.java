package vn.qcdc.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Tổ chức", description = "Organisation units as of today (public: citizens pick the unit concerned)")
class OrgUnitApi {

    static final int MAX_RESULTS = 50;
    private final OrgUnitRepository units;
    private final Clock clock;

    OrgUnitApi(OrgUnitRepository units, Clock clock) {
        this.units = units;
        this.clock = clock;
    }

    record UnitView(String code, String name, OrgUnitType type, String parentCode, String parentName) {
    }

    @GetMapping("/api/public/org-units")
    @Operation(summary = "Tìm đơn vị đang hoạt động theo tên (không dấu cũng được)")
    List<UnitView> search(@RequestParam(defaultValue = "") String q) {
        String needle = fold(q.trim());
        List<OrgUnit> active = units.findActiveOn(LocalDate.now(clock));
        var byCode = new java.util.HashMap<String, OrgUnit>();
        active.forEach(u -> byCode.put(u.code(), u));
        return active.stream()
                .filter(u -> u.type() != OrgUnitType.HAMLET)
                .filter(u -> needle.isEmpty() || fold(u.name()).contains(needle))
                .limit(MAX_RESULTS)
                .map(u -> new UnitView(u.code(), u.name(), u.type(), u.parentCode(),
                        u.parentCode() == null || !byCode.containsKey(u.parentCode()) ? null : byCode.get(u.parentCode()).name()))
                .toList();
    }

    /** Lower case without Vietnamese diacritics, so "vi thanh" finds "Vị Thanh". */
    static String fold(String s) {
        String decomposed = java.text.Normalizer.normalize(s.toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").replace('đ', 'd');
    }
}
