/**
 * What people see when they open Tasklist: shared task filters with 中文 names, and the 简体中文
 * locale files under {@code META-INF/resources/webjars/camunda/app/}.
 */
package cn.cm135.tasklist;
