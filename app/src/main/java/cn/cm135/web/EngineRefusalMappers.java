package cn.cm135.web;

import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

import jakarta.ws.rs.core.FeatureContext;

/**
 * Adds {@link EngineRefusalMapper} to each Jersey application as Jersey starts it (listed in
 * {@code META-INF/services/org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable}). The webapps' engine API
 * is a Jersey application that Camunda builds from its own class list, with no hook for extra providers; this is
 * Jersey's own extension point for that.
 */
public final class EngineRefusalMappers implements ForcedAutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        if (!context.getConfiguration().isRegistered(EngineRefusalMapper.RestExceptions.class)) {
            context.register(EngineRefusalMapper.RestExceptions.class);
            context.register(EngineRefusalMapper.EngineExceptions.class);
            context.register(EngineRefusalMapper.OtherExceptions.class);
        }
    }
}
