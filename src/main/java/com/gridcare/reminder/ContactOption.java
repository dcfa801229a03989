package com.gridcare.reminder;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The contact channels the recommender chooses among, in the order of the simulator's truth files; the cheapest reach
 * first. The codes are {@code contact_channel}'s.
 */
public enum ContactOption {
    WECHAT_TEMPLATE, WECHAT_CUSTOMER_SERVICE, APP_PUSH, SMS, EMAIL, VOICE_CALL, AGENT_CALL, STAFF_VISIT;

    static final List<ContactOption> ALL = List.of(values());

    static int count() {
        return ALL.size();
    }

    /** Empty for a code of a channel the recommender does not choose. */
    static Optional<ContactOption> of(String code) {
        return Arrays.stream(values()).filter(option -> option.name().equals(code)).findFirst();
    }
}
