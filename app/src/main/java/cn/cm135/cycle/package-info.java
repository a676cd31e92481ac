/**
 * The month as a whole: the kick-off that starts one {@code cycle-135-monthly} instance per active
 * customer manager, and the variables contract shared by the BPMN files.
 */
package cn.cm135.cycle;
