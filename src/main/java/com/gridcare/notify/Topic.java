package com.gridcare.notify;

/**
 * What a message to a resident is about; residents choose per topic whether, how and when they hear of it, except for
 * answers to what they asked themselves.
 */
public enum Topic {
    BILL_REMINDER(true), OUTAGE_NOTICE(true), REPAIR_PROGRESS(true), ARREARS_NOTICE(true), MARKETING(false),
    ESCALATION_REPLY(true),
    /** The bot's answer to a WeChat message that came too late for the passive reply. */
    CHAT_ANSWER(true);

    private final boolean wantedUnlessRefused;

    Topic(boolean wantedUnlessRefused) {
        this.wantedUnlessRefused = wantedUnlessRefused;
    }

    /** Service notices go out until refused; marketing only to those who asked for it. */
    public boolean wantedUnlessRefused() {
        return wantedUnlessRefused;
    }

    /** Whether residents set a preference for it: not for an answer to their own question. */
    public boolean chosenByResident() {
        return this != CHAT_ANSWER;
    }
}
