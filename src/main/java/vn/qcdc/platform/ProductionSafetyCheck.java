package vn.qcdc.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the {@code prod} profile without PostgreSQL or with a missing or well-known
 * admin password. Runs before any bean exists, so nothing touches a database first.
 */
public class ProductionSafetyCheck implements EnvironmentPostProcessor {

    static final String DEMO_IDENTITY_KEY = "ZGVtby1vbmx5LWtleS1kby1ub3QtdXNlLWluLXByb2Q=";

    static final Set<String> DEFAULT_PASSWORDS =
            Set.of("admin", "admin123", "demo", "demo123", "password", "changeme", "123456", "camunda");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
            return;
        }
        if (Arrays.asList(environment.getActiveProfiles()).contains("demo")) {
            throw new IllegalStateException("Hồ sơ 'prod' không được chạy cùng hồ sơ 'demo' (dữ liệu mẫu).");
        }
        String password = environment.getProperty("qcdc.admin.password", "");
        if (password.isBlank()) {
            throw new IllegalStateException(
                    "Hồ sơ 'prod' cần mật khẩu quản trị: đặt biến môi trường QCDC_ADMIN_PASSWORD.");
        }
        if (DEFAULT_PASSWORDS.contains(password.toLowerCase(Locale.ROOT)) || password.length() < 12) {
            throw new IllegalStateException(
                    "Hồ sơ 'prod' từ chối mật khẩu quản trị mặc định hoặc ngắn hơn 12 ký tự (QCDC_ADMIN_PASSWORD).");
        }
        if (DEMO_IDENTITY_KEY.equals(environment.getProperty("qcdc.crypto.identity-key"))) {
            throw new IllegalStateException(
                    "Hồ sơ 'prod' cần khóa mã hóa riêng cho thông tin người tố cáo: đặt QCDC_IDENTITY_KEY (32 byte, base64).");
        }
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException(
                    "Hồ sơ 'prod' chỉ chạy trên PostgreSQL: đặt QCDC_DB_URL=jdbc:postgresql://máy-chủ:5432/csdl.");
        }
    }
}
