package vn.qcdc.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import vn.qcdc.QcdcApplication;

/**
 * Process tests: the real engine with the flow-node coverage plugin (report under
 * target/process-test-coverage, at least 90% per class). A context of its own, because the plugin
 * records every process run and the demo's sample cases would start before a test does.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = QcdcApplication.class, properties = "qcdc.demo.cases=false")
@Import({ProcessEngineCoverageConfiguration.class, ProcessCoverage.class, CaseProcessStartOnCommit.class})
@ActiveProfiles({"demo", "test"})
public @interface ProcessTest {
}
