/**
 * Step 13 日拜访记录: the day's sheet (the customers step 12 listed, their open strategies, the key specs to
 * count and 商定总量), recording a day's visits into the tables the analyses read (field_observation,
 * market_anomaly, customer_demand, service_strategy ★), the printable 日拜访记录表 (HTML and PDF), REST
 * and the task listener.
 */
package cn.cm135.visit;
