package cn.cm135.processcoverage;

import java.util.List;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Puts the process-test-coverage engine listeners ({@link ProcessCoverageEngineConfiguration}) into every
 * Spring test context (registered in {@code META-INF/spring.factories} of the test resources).
 * <p>
 * An {@code @Import} on some test classes would change their context cache key and start extra contexts; a
 * listing in {@code AutoConfiguration.imports} would also reach the benchmark main classes, which start the
 * application on the test classpath without {@link ProcessCoverageTestExecutionListener} (the engine
 * listeners then fail on the first process instance). A context customizer reaches test contexts only, and
 * since every test context gets the same (equal) customizer, the cache key stays shared.
 */
class ProcessCoverageContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new CoverageConfigurationCustomizer();
    }

    private static final class CoverageConfigurationCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            if (context instanceof BeanDefinitionRegistry registry) {
                registry.registerBeanDefinition(ProcessCoverageEngineConfiguration.class.getName(),
                        new RootBeanDefinition(ProcessCoverageEngineConfiguration.class));
            }
        }

        @Override
        public boolean equals(Object other) {
            return other != null && other.getClass() == getClass();
        }

        @Override
        public int hashCode() {
            return getClass().hashCode();
        }
    }
}
