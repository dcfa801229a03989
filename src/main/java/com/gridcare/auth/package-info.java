/**
 * Resident sign-in: SMS codes, sessions (RS256 access tokens and single-use refresh tokens), the resident record.
 * Owns {@code resident}; a front end that identifies a resident its own way (WeChat) asks for a new resident and a
 * session here. Uses {@code identity}, {@code sms} and {@code common}; never a feature above it.
 */
package com.gridcare.auth;
