package vn.qcdc.rules;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class HolidayRepository {

    private static final String COLUMNS = "holiday_date, kind, name_vi, name_en, active";

    private final JdbcTemplate jdbc;

    HolidayRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The switched-on days off and make-up working days from {@code from} to {@code to}, in one read. */
    CalendarExceptions exceptionsBetween(LocalDate from, LocalDate to) {
        Set<LocalDate> off = new HashSet<>();
        Set<LocalDate> worked = new HashSet<>();
        jdbc.query("select holiday_date, kind from holiday where active = true and holiday_date between ? and ?",
                (ResultSet rs) -> {
                    LocalDate day = rs.getDate(1).toLocalDate();
                    (Holiday.Kind.valueOf(rs.getString(2)) == Holiday.Kind.MAKE_UP_WORKING_DAY ? worked : off).add(day);
                }, Date.valueOf(from), Date.valueOf(to));
        return new CalendarExceptions(off, worked);
    }

    List<Holiday> ofYear(int year) {
        return jdbc.query("select " + COLUMNS + " from holiday where holiday_date between ? and ? order by holiday_date",
                HolidayRepository::map, Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31)));
    }

    Optional<Holiday> find(LocalDate day) {
        return jdbc.query("select " + COLUMNS + " from holiday where holiday_date = ?", HolidayRepository::map,
                Date.valueOf(day)).stream().findFirst();
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
        jdbc.update("insert into holiday (" + COLUMNS + ") values (?, ?, ?, ?, ?)", Date.valueOf(h.day()), h.kind().name(),
                h.nameVi(), h.nameEn(), h.active());
    }

    void setActive(LocalDate day, boolean active) {
        jdbc.update("update holiday set active = ? where holiday_date = ?", active, Date.valueOf(day));
    }

    void delete(LocalDate day) {
        jdbc.update("delete from holiday where holiday_date = ?", Date.valueOf(day));
    }

    private static Holiday map(ResultSet rs, int row) throws SQLException {
        return new Holiday(rs.getDate("holiday_date").toLocalDate(), Holiday.Kind.valueOf(rs.getString("kind")),
                rs.getString("name_vi"), rs.getString("name_en"), rs.getBoolean("active"));
    }
}
