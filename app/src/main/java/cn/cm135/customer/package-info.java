/** Retail customers (零售户) as the features see them: whose they are, how forms list them. */
package cn.cm135.customer;
