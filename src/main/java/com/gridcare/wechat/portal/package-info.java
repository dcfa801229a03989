/**
 * Messages from WeChat: the portal WeChat pushes to (signature, decryption, de-duplication), the typed routing of
 * messages and events, and the answers (the FAQ bot, account answers through {@code intent}, outages near a location).
 */
package com.gridcare.wechat.portal;
