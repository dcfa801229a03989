package com.gridcare.consumption;

/**
 * Daily readings were asked of an account whose meter does not deliver them (a classic meter, read monthly): a
 * conflict with the account's state rather than a missing resource (409, problem type {@code not-smart-meter}).
 */
public class NotSmartMeterException extends RuntimeException {

    public NotSmartMeterException() {
        super("This account has no smart meter: only monthly readings are available.");
    }
}
