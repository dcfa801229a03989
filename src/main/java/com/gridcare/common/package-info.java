/**
 * Shared infrastructure every package may use and that uses none of them: problem JSON, PII masking, the clock,
 * rate limits, entity tags, COPY streaming.
 */
package com.gridcare.common;
