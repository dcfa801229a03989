package com.gridcare.intent;

import java.util.Arrays;
import java.util.Optional;

/**
 * The FAQ bot's intents: knowledge-base topics (ids stable) that ask for something on the resident's own account
 * rather than for general information. The app's bot and WeChat's chat and menu all answer them through
 * {@link IntentHandler}.
 */
public enum Intent {
    OUTAGE_MINE("intent.outage.mine", true),
    BILL_MINE("intent.bill.mine", true),
    USAGE_MINE("intent.usage.mine", true),
    REPAIR_REPORT("intent.repair.report", false),
    AGENT_HUMAN("intent.agent.human", false);

    private final String topicId;
    private final boolean accountScoped;

    Intent(String topicId, boolean accountScoped) {
        this.topicId = topicId;
        this.accountScoped = accountScoped;
    }

    public static Optional<Intent> ofTopic(String topicId) {
        return Arrays.stream(values()).filter(intent -> intent.topicId.equals(topicId)).findFirst();
    }

    public String topicId() {
        return topicId;
    }

    /** Whether the answer is read off one of the resident's accounts. */
    boolean accountScoped() {
        return accountScoped;
    }
}
