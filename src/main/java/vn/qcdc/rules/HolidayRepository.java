package vn.qcdc.rules;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class HolidayRepository {

    private final JdbcTemplate jdbc;

    HolidayRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Set<LocalDate> daysBetween(LocalDate from, LocalDate to) {
        return new HashSet<>(jdbc.query("select holiday_date from holiday where holiday_date between ? and ?",
                (rs, i) -> rs.getDate(1).toLocalDate(), Date.valueOf(from), Date.valueOf(to)));
    }

    List<Holiday> ofYear(int year) {
        return jdbc.query("select holiday_date, name_vi, name_en from holiday where holiday_date between ? and ? order by holiday_date",
                (rs, i) -> new Holiday(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3)),
                Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31)));
    }

    List<Integer> years() {
        return jdbc.query("select distinct extract(year from holiday_date) as y from holiday order by y", (rs, i) -> rs.getInt(1));
    }

    boolean exists(LocalDate day) {
        return jdbc.queryForObject("select count(*) from holiday where holiday_date = ?", Integer.class, Date.valueOf(day)) > 0;
    }

    long count() {
        return jdbc.queryForObject("select count(*) from holiday", Long.class);
    }

    void insert(Holiday h) {
        jdbc.update("insert into holiday (holiday_date, name_vi, name_en) values (?, ?, ?)", Date.valueOf(h.day()), h.nameVi(), h.nameEn());
    }

    void delete(LocalDate day) {
        jdbc.update("delete from holiday where holiday_date = ?", Date.valueOf(day));
    }
}
