package vn.qcdc.rules;

import java.time.LocalDate;

public record Holiday(LocalDate day, String nameVi, String nameEn) {
}
