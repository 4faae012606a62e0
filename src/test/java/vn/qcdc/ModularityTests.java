package vn.qcdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Every top-level package of {@code vn.qcdc} is a module: no cycles between them, and no use of another
 * module's {@code internal} package. The module documentation in {@code docs/modules} is regenerated here
 * and must match what is committed; {@code -Dqcdc.write-module-docs=true} rewrites it.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(QcdcApplication.class);
    static final Path COMMITTED = Path.of("docs", "modules");

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void committedModuleDocumentationIsCurrent() throws IOException {
        if (Boolean.getBoolean("qcdc.write-module-docs")) {
            write(COMMITTED);
        }
        Path fresh = Files.createTempDirectory("qcdc-modules");
        write(fresh);
        assertThat(contents(COMMITTED))
                .as("docs/modules is stale: run mvn test -Dtest=ModularityTests -Dqcdc.write-module-docs=true")
                .isEqualTo(contents(fresh));
    }

    private static void write(Path folder) {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }

    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path p : paths.toList()) {
                // the documenter writes relations in no fixed order: compare each file's lines as a sorted list
                files.put(p.getFileName().toString(), String.join("\n",
                        Files.readString(p).strip().lines().map(String::strip).sorted().toList()));
            }
        }
        return files;
    }
}
