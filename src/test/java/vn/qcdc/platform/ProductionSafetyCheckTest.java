package vn.qcdc.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

import vn.qcdc.QcdcApplication;

/** The prod profile refuses to start without PostgreSQL or with a missing or default admin password. */
class ProductionSafetyCheckTest {

    private final ProductionSafetyCheck check = new ProductionSafetyCheck();

    @Test
    void prodWithoutAPasswordRefusesToStart() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(QcdcApplication.class).profiles("prod")
                        .properties("QCDC_ADMIN_PASSWORD=", "server.port=0").run())
                .hasMessage("Hồ sơ 'prod' cần mật khẩu quản trị: đặt biến môi trường QCDC_ADMIN_PASSWORD.");
    }

    @Test
    void prodRefusesDefaultOrShortPasswords() {
        for (String password : new String[] {"admin", "Admin123", "demo123", "short-pw"}) {
            assertThatThrownBy(() -> check.postProcessEnvironment(prod(password, "jdbc:postgresql://db/qcdc"), null))
                    .as(password).hasMessageContaining("mật khẩu quản trị mặc định");
        }
    }

    @Test
    void prodRefusesTheDemoIdentityKey() {
        MockEnvironment env = prod("a-long-Secret-2026", "jdbc:postgresql://db:5432/qcdc");
        env.setProperty("qcdc.crypto.identity-key", ProductionSafetyCheck.DEMO_IDENTITY_KEY);
        assertThatThrownBy(() -> check.postProcessEnvironment(env, null)).hasMessageContaining("QCDC_IDENTITY_KEY");
    }

    @Test
    void prodRefusesH2() {
        assertThatThrownBy(() -> check.postProcessEnvironment(prod("a-long-Secret-2026", "jdbc:h2:file:./data/x"), null))
                .hasMessageContaining("PostgreSQL");
    }

    @Test
    void prodStartsWithPostgresAndARealPassword() {
        assertThatCode(() -> check.postProcessEnvironment(prod("a-long-Secret-2026", "jdbc:postgresql://db:5432/qcdc"), null))
                .doesNotThrowAnyException();
    }

    @Test
    void otherProfilesAreLeftAlone() {
        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("demo");
        assertThatCode(() -> check.postProcessEnvironment(demo, null)).doesNotThrowAnyException();
    }

    private static MockEnvironment prod(String password, String url) {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("prod");
        env.setProperty("qcdc.admin.password", password);
        env.setProperty("spring.datasource.url", url);
        env.setProperty("qcdc.crypto.identity-key", "c2VjcmV0LWtleS1vZi0zMi1ieXRlcy1sb25nLXllcyE=");
        return env;
    }
}
