package vn.qcdc.platform;

import java.util.Arrays;
import java.util.stream.Stream;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Our migrations add indexes to the engine's tables, so Flyway must run after the engine has
 * created or updated its schema.
 */
@Component
class FlywayAfterEngine implements BeanFactoryPostProcessor {

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        String[] engines = beanFactory.getBeanNamesForType(org.camunda.bpm.engine.ProcessEngine.class, true, false);
        if (!beanFactory.containsBeanDefinition("flywayInitializer") || engines.length == 0) {
            return;
        }
        BeanDefinition flyway = beanFactory.getBeanDefinition("flywayInitializer");
        String[] dependsOn = flyway.getDependsOn() == null ? new String[0] : flyway.getDependsOn();
        flyway.setDependsOn(Stream.concat(Arrays.stream(dependsOn), Arrays.stream(engines)).toArray(String[]::new));
    }
}
