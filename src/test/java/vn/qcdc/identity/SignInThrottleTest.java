package vn.qcdc.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.qcdc.support.DemoUsers;
import vn.qcdc.support.QcdcTest;
import vn.qcdc.support.WebSession;

/** Guessing is slowed down by locks of minutes, per account and per address; nobody can lock anybody out for good. */
@QcdcTest
class SignInThrottleTest {

    static final String USER = "khoa.thu";
    static final String PASSWORD = "dung-mat-khau-1";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identityService;
    @Autowired
    SignInThrottle throttle;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void anAccountOfItsOwn() {
        if (identityService.createUserQuery().userId(USER).count() == 0) {
            User user = identityService.newUser(USER);
            user.setFirstName("Thử");
            user.setLastName("Khóa");
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
        }
        throttle.lift(SignInThrottle.accountKey(USER));
        liftLocalAddresses();
    }

    @AfterEach
    void clockAndAddressBack() {
        ClockUtil.reset();
        throttle.lift(SignInThrottle.accountKey(USER));
        liftLocalAddresses();
    }

    /** The test client's own address (IPv4 or IPv6 loopback): other tests sign in from it too. */
    private void liftLocalAddresses() {
        jdbc.update("delete from attempt_throttle where throttle_key like 'sign-in:address:%'");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForAMinuteOnly() {
        for (int i = 0; i < SignInThrottle.ACCOUNT_FAILURES; i++) {
            assertThat(signIn(PASSWORD + "x")).as("attempt " + i).endsWith("/login?error");
        }
        assertThat(signIn(PASSWORD)).as("even the right password while locked").endsWith("/login?locked");
        WebSession page = new WebSession(port);
        assertThat(page.get("/login?locked").body()).contains("tạm khóa");
        HttpResponse<String> rest = WebSession.basic(port, "GET", "/engine-rest/task", USER, PASSWORD, null);
        assertThat(rest.statusCode()).isEqualTo(401);

        moveClock(Duration.ofSeconds(61));
        assertThat(signIn(PASSWORD)).isEqualTo("/");
    }

    @Test
    void aStrangerGuessingForHoursNeverLocksTheAccountForGood() {
        for (int round = 0; round < 8; round++) {
            for (int i = 0; i < SignInThrottle.ACCOUNT_FAILURES; i++) {
                signIn("guess-" + round + "-" + i);
            }
            liftLocalAddresses();
            moveClock(SignInThrottle.MAX_ACCOUNT_LOCK.plusSeconds(1));
        }
        assertThat(SignInThrottle.ACCOUNT.lockAfter(7)).isEqualTo(SignInThrottle.MAX_ACCOUNT_LOCK);
        assertThat(signIn(PASSWORD)).as("the owner signs in once the last lock has passed").isEqualTo("/");
        assertThat(identityService.checkPassword(USER, PASSWORD)).as("Camunda never locked the account").isTrue();
    }

    @Test
    void oneAddressGuessingManyAccountsIsStoppedAndOthersAreNot() {
        for (int i = 0; i < SignInThrottle.ADDRESS_FAILURES; i++) {
            throttle.failed("someone-" + i, "10.9.8.7");
        }
        assertThat(throttle.lockedUntil("anyone-else", "10.9.8.7")).isPresent();
        assertThat(throttle.lockedUntil("anyone-else", "10.9.8.6")).isEmpty();
        moveClock(SignInThrottle.ADDRESS_WINDOW.plusSeconds(1));
        assertThat(throttle.lockedUntil("anyone-else", "10.9.8.7")).isEmpty();
        throttle.lift(SignInThrottle.addressKey("10.9.8.7"));
    }

    @Test
    void anAdminSeesAndLiftsALock() {
        for (int i = 0; i < SignInThrottle.ACCOUNT_FAILURES; i++) {
            signIn("wrong");
        }
        WebSession admin = new WebSession(port);
        admin.signIn("quantri", DemoUsers.PASSWORD);
        String page = admin.get("/admin/sign-in-locks").body();
        assertThat(page).contains("data-lock=\"sign-in:user:" + USER + "\"");
        HttpResponse<String> lifted = admin.postForm("/admin/sign-in-locks/lift",
                "key=sign-in:user:" + USER + "&_csrf=" + WebSession.csrfTokenOf(page));
        assertThat(lifted.body()).contains("id=\"lock-lifted\"").doesNotContain("data-lock=\"sign-in:user:" + USER + "\"");
        assertThat(signIn(PASSWORD)).isEqualTo("/");

        WebSession officer = new WebSession(port);
        officer.signIn("tiepdan.p1", DemoUsers.PASSWORD);
        assertThat(officer.get("/admin/sign-in-locks").statusCode()).isEqualTo(403);
    }

    @Test
    void aUserChangesTheirPasswordOnlyWithTheCurrentOne() {
        WebSession session = new WebSession(port);
        session.signIn(USER, PASSWORD);
        String page = session.get("/account/password").body();
        String token = WebSession.csrfTokenOf(page);
        HttpResponse<String> wrong = session.postForm("/account/password",
                "current=nope&password=mat-khau-moi-2&repeat=mat-khau-moi-2&_csrf=" + token);
        assertThat(wrong.body()).contains("id=\"password-problem\"");
        assertThat(identityService.checkPassword(USER, PASSWORD)).isTrue();
        HttpResponse<String> changed = session.postForm("/account/password",
                "current=" + PASSWORD + "&password=mat-khau-moi-2&repeat=mat-khau-moi-2&_csrf=" + token);
        assertThat(changed.body()).contains("id=\"password-changed\"");
        assertThat(identityService.checkPassword(USER, "mat-khau-moi-2")).isTrue();
        User user = identityService.createUserQuery().userId(USER).singleResult();
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
    }

    private String signIn(String password) {
        return new WebSession(port).signIn(USER, password).headers().firstValue("Location").orElse("")
                .replaceFirst("^https?://[^/]+", "");
    }

    private static void moveClock(Duration by) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + by.toMillis()));
    }
}
