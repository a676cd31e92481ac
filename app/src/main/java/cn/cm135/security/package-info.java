/**
 * Who may call what: HTTP Basic against Camunda's identity service for {@code /api} and
 * {@code /engine-rest}; the Camunda webapps keep their own session login.
 */
package cn.cm135.security;
