package vn.qcdc.rules;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The admin page's rule form. */
public class RuleForm {

    Long id;
    @NotBlank @Pattern(regexp = "[a-z0-9.-]{1,60}") String code;
    @NotNull @Min(1) @Max(3650) Integer amount;
    @NotNull DayKind dayKind;
    @NotBlank @Size(max = 300) String legalBasis;
    @NotBlank @Size(max = 300) String description;
    @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo;

    static RuleForm of(DeadlineRule r) {
        RuleForm f = new RuleForm();
        f.id = r.id();
        f.code = r.code();
        f.amount = r.amount();
        f.dayKind = r.dayKind();
        f.legalBasis = r.legalBasis();
        f.description = r.description();
        f.validFrom = r.validFrom();
        f.validTo = r.validTo();
        return f;
    }

    DeadlineRule toRule() {
        return new DeadlineRule(id, code, amount, dayKind, legalBasis.trim(), description.trim(), validFrom, validTo);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public Integer getAmount() { return amount; }
    public void setAmount(Integer amount) { this.amount = amount; }
    public DayKind getDayKind() { return dayKind; }
    public void setDayKind(DayKind dayKind) { this.dayKind = dayKind; }
    public String getLegalBasis() { return legalBasis; }
    public void setLegalBasis(String legalBasis) { this.legalBasis = legalBasis; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public LocalDate getValidFrom() { return validFrom; }
    public void setValidFrom(LocalDate validFrom) { this.validFrom = validFrom; }
    public LocalDate getValidTo() { return validTo; }
    public void setValidTo(LocalDate validTo) { this.validTo = validTo; }
}
