/**
 * Resident sign-in: SMS codes, sessions (RS256 access tokens and single-use refresh tokens), the resident record.
 * Owns {@code resident}. Uses {@code identity}, {@code sms} and {@code common}; never a feature above it.
 */
package com.gridcare.auth;
