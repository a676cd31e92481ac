/** How cm135's REST API reports refusals: a status, the field at fault and a reason in 中文. */
package cn.cm135.web;
