/**
 * Resident sign-in: SMS codes, sessions (RS256 access tokens and single-use refresh tokens), the resident record.
 * Owns {@code resident}; it also links a WeChat follower to their resident in {@code wechat_user} (owned by
 * {@code wechat}), the one table still written by two packages. Uses {@code identity}, {@code sms} and
 * {@code common}; never a feature above it.
 */
package com.gridcare.auth;
