package cn.cm135.organization;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Start-up switches of cm135.
 *
 * @param demo          load the demo city and demo users (password = user id) into an empty database
 * @param demoSeed      seed of the deterministic demo generator
 * @param adminPassword password of the {@code admin} user created on first start; blank means
 *                      "admin" with the demo, a random one (logged once) without
 */
@ConfigurationProperties("cm135")
public record Cm135Properties(boolean demo, long demoSeed, String adminPassword) {
}
