/**
 * The company's working days: Monday to Friday, less the configured public holidays, plus the configured
 * make-up working days (调休). Step 11 sizes the month's visits by them; weekly progress (step 15) will
 * measure time progress by them.
 */
package cn.cm135.calendar;
