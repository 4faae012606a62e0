package vn.qcdc.support;

import java.util.List;

/** The demo accounts of seed/demo/users.csv, as the tests use them. */
public final class DemoUsers {

    public static final String PASSWORD = "demo123";
    public static final String COMMUNE_A = "hg-vithanh-p1";
    public static final String COMMUNE_B = "hg-phunghiep-cayduong";

    /** One account per role: user id and role group. */
    public static final List<String[]> ONE_PER_ROLE = List.of(
            new String[] {"tiepdan.p1", "reception-officer"},
            new String[] {"xuly.p1", "handling-officer"},
            new String[] {"truong.p1", "unit-head"},
            new String[] {"giamsat.p1", "supervisor"},
            new String[] {"ttnd.p1", "people-inspector"},
            new String[] {"kiemtra.hg", "inspector"},
            new String[] {"thuky.hg", "steering-secretary"},
            new String[] {"truongbcd.hg", "steering-head"},
            new String[] {"kiemtoan", "auditor"},
            new String[] {"quantri", "admin"});

    private DemoUsers() {
    }
}
