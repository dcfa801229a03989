package com.gridcare.reminder;

import com.gridcare.notify.Topic;

/**
 * The reminders of one bill, in order: an early one for high-risk accounts, one when the due date nears, one when it
 * has passed (medium and high risk), and a staff visit for long arrears before any disconnection notice.
 */
public enum ReminderStep {
    EARLY(Topic.BILL_REMINDER), DUE_SOON(Topic.BILL_REMINDER), OVERDUE(Topic.ARREARS_NOTICE),
    ARREARS(Topic.ARREARS_NOTICE);

    final Topic topic;

    ReminderStep(Topic topic) {
        this.topic = topic;
    }

    /** Only reminders before the due date are evidence for paying on time: the recommender learns from these. */
    boolean beforeDue() {
        return this == EARLY || this == DUE_SOON;
    }
}
