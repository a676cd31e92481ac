/**
 * What people see when they open Tasklist: shared task filters with 中文 names, the 简体中文
 * locale files under {@code META-INF/resources/webjars/camunda/app/}, and what every step's user task
 * shares with its form: {@link cn.cm135.tasklist.FormData} for the values a form shows and edits,
 * {@link cn.cm135.tasklist.StepTaskListener} for the listener that fills it on create and records it on
 * complete.
 */
package cn.cm135.tasklist;
