/**
 * The WeChat official accounts, a transport: the message portal and its routing, menus, the shared access_token, the
 * template and kefu channel adapters, OAuth sign-in, and {@code WeChatApi} around every WxJava call. Owns
 * {@code wechat_user}. Uses the features it is a front end for ({@code faq}, {@code billing}, {@code consumption},
 * {@code outage}, {@code auth}), {@code notify}, {@code staff} and {@code common}; no feature uses it.
 */
package com.gridcare.wechat;
