package com.gridcare.fieldtask;

import com.gridcare.notify.ContactOutcome;

/** What the staff member who called or visited recorded; it becomes the contact's outcome. */
public enum TaskOutcome {
    REACHED, PROMISED_TO_PAY, PAID, NOT_REACHED, REFUSED;

    ContactOutcome contactOutcome() {
        return ContactOutcome.valueOf(name());
    }
}
