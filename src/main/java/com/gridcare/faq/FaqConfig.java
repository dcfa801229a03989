package com.gridcare.faq;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The FAQ bot: when it is sure enough to answer, how instances keep the knowledge base in step, what it remembers. */
@ConfigMapping(prefix = "gridcare.faq")
public interface FaqConfig {

    /**
     * Below this confidence the bot does not answer with a topic: it says it is not sure, offers the two closest
     * topics and a person, and logs the question for staff. The confidence is calibrated (see {@link FaqEngine}); 0.5
     * was chosen on the tuning part of the project's evaluation set, where 0.4 let more out-of-scope questions through
     * and 0.6 turned right answers into "not sure".
     */
    @WithDefault("0.5")
    double confidenceThreshold();

    /** Redis pub/sub channel on which an instance tells the others that the knowledge base changed. */
    @WithDefault("gridcare:faq:changed")
    String changesChannel();

    /**
     * How often each instance checks PostgreSQL for a knowledge-base change it was not told about (a pub/sub
     * message lost while Redis or the subscription was down): the longest an instance can stay behind.
     */
    @WithDefault("60s")
    Duration resyncInterval();

    /**
     * How long the bot remembers a resident's conversation after their last question (Redis, shared by every
     * instance): the recent questions an escalation carries, and the window in which two unsure answers count as
     * "in a row".
     */
    @WithDefault("30m")
    Duration conversationTtl();

    /** Questions remembered per conversation, the most recent ones. */
    @WithDefault("10")
    int conversationLength();

    /**
     * Distinct questions whose match each instance keeps until the knowledge base changes: residents ask the
     * same few questions in the same words again and again, and matching is the bot's CPU work. 0 keeps none.
     */
    @WithDefault("20000")
    int matchesKept();
}
