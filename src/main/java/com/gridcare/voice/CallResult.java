package com.gridcare.voice;

/** How a call ended, as the voice provider reports it; each is also a {@code notify.ContactOutcome} of that name. */
public enum CallResult {
    ANSWERED, NO_ANSWER, BUSY, FAILED
}
