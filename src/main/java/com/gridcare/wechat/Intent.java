package com.gridcare.wechat;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a resident can ask for from the menu or in a message. The menu's CLICK keys are these names (menu.json); the
 * FAQ bot's account intents are answered as these too (FaqTextAnswerer).
 */
public enum Intent {
    OUTAGE_STATUS,
    LATEST_BILL,
    CONSUMPTION,
    REPORT_FAULT,
    SMART_SERVICE,
    HUMAN_AGENT,
    REMINDER_SETTINGS,
    BIND_ACCOUNT;

    public static Optional<Intent> ofKey(String key) {
        return Arrays.stream(values()).filter(intent -> intent.name().equals(key)).findFirst();
    }

    /** Whether answering needs the resident's bound account. */
    boolean accountScoped() {
        return this == OUTAGE_STATUS || this == LATEST_BILL || this == CONSUMPTION;
    }
}
