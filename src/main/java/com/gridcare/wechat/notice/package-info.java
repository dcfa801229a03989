/**
 * Messages to followers: template and kefu (customer-service) messages, and their outbox channel adapters.
 */
package com.gridcare.wechat.notice;
