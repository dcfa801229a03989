/**
 * Account questions, one path for every channel: "my outage / my bill / my usage" answered from the resident's own
 * bound account, worded once; the app's FAQ bot and WeChat's chat and menu both ask here, and "停电了" written to the
 * bot is also a fault report for outage detection. Owns no table. Uses {@code billing}, {@code consumption},
 * {@code outage}, {@code binding} and {@code common}.
 */
package com.gridcare.intent;
