/** Working days, for due dates, escalations and visit capacity. */
package cn.cm135.calendar;
