package com.gridcare.consumption;

import com.gridcare.common.ProblemException;

/**
 * Daily readings were asked of an account whose meter does not deliver them (a classic meter, read monthly): a
 * conflict with the account's state rather than a missing resource (409, problem type {@code not-smart-meter}).
 */
public class NotSmartMeterException extends ProblemException {

    public NotSmartMeterException() {
        super(409, "not-smart-meter", "Conflict",
                "This account has no smart meter: only monthly readings are available.");
    }
}
