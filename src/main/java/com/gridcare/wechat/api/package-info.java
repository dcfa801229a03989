/**
 * Calling WeChat: every WxJava call goes through {@code WeChatApi} (time limits, retries, circuit breakers, metrics) on
 * the {@code wechat-worker} pool; the official accounts and their access_token shared by every instance through Redis.
 */
package com.gridcare.wechat.api;
