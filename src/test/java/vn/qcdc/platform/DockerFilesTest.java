package vn.qcdc.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs here, so the files are checked for what they promise: a multi-stage build
 * running as non-root, and PostgreSQL with two app nodes sharing it in production mode.
 */
class DockerFilesTest {

    @Test
    void dockerfileBuildsInOneStageAndRunsAsNonRootInAnother() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("docker/Dockerfile"));
        assertThat(lines.stream().filter(l -> l.startsWith("FROM ")).count()).isEqualTo(2);
        assertThat(lines).anyMatch(l -> l.startsWith("FROM maven:")).anyMatch(l -> l.contains("-jre"));
        assertThat(lines).anyMatch(l -> l.startsWith("USER ") && !l.contains("root"));
        assertThat(lines).anyMatch(l -> l.contains("COPY processes")).anyMatch(l -> l.contains("COPY forms"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsTwoNodesOnOnePostgres() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker/compose.yaml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsKeys("db", "app1", "app2");
        assertThat((String) services.get("db").get("image")).startsWith("postgres:");
        for (String node : List.of("app1", "app2")) {
            Map<String, Object> env = (Map<String, Object>) services.get(node).get("environment");
            assertThat(env.get("SPRING_PROFILES_ACTIVE")).isEqualTo("prod,postgres");
            assertThat(env.get("QCDC_DB_URL")).isEqualTo("jdbc:postgresql://db:5432/qcdc");
            assertThat((String) env.get("QCDC_ADMIN_PASSWORD")).contains(":?");
        }
    }
}
