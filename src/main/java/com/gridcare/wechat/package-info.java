/**
 * The WeChat official accounts, a transport in front of the features: {@code portal} (messages in), {@code notice}
 * (messages out and their outbox adapters), {@code menu}, {@code signin} (H5 OAuth) and {@code api} (every WxJava
 * call). This package itself holds what they share: the accounts' configuration, the followers ({@code WeChatUsers},
 * owner of {@code wechat_user}) and the texts. Uses the features it fronts ({@code faq}, {@code intent},
 * {@code outage}, {@code auth}), {@code notify}, {@code staff} and {@code common}; no feature uses it.
 */
package com.gridcare.wechat;
