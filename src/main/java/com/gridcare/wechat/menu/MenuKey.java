package com.gridcare.wechat.menu;

import java.util.Arrays;
import java.util.Optional;

import com.gridcare.intent.Intent;

/**
 * The menu's CLICK keys (menu.json). Those that ask about the follower's account are the bot's intents, answered by
 * the same handler as in the chat and the app; the others open an H5 page or prompt the follower.
 */
public enum MenuKey {
    OUTAGE_STATUS(Intent.OUTAGE_MINE),
    LATEST_BILL(Intent.BILL_MINE),
    CONSUMPTION(Intent.USAGE_MINE),
    REPORT_FAULT(Intent.REPAIR_REPORT),
    SMART_SERVICE(null),
    HUMAN_AGENT(Intent.AGENT_HUMAN),
    REMINDER_SETTINGS(null),
    BIND_ACCOUNT(null);

    private final Intent intent;

    MenuKey(Intent intent) {
        this.intent = intent;
    }

    public static Optional<MenuKey> ofKey(String key) {
        return Arrays.stream(values()).filter(menuKey -> menuKey.name().equals(key)).findFirst();
    }

    public Optional<Intent> intent() {
        return Optional.ofNullable(intent);
    }
}
