package vn.qcdc.support;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Flow-node coverage of the BPMN processes, reported as HTML under target/process-test-coverage.
 * Only the process test classes (names ending in ProcessTest) count, and each must cover at least
 * 90% of the flow nodes of the processes it is about.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProcessCoverage {

    @Bean
    ProcessEngineCoverageProperties processEngineCoverageProperties() {
        return ProcessEngineCoverageProperties.Companion.builder()
                .addInclusionPatternForTestClasses(".*ProcessTest")
                .assertClassCoverageAtLeast(0.9)
                .build();
    }
}
