package com.gridcare.wechat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.smallrye.mutiny.Uni;

import com.gridcare.wechat.portal.FaqTextAnswerer;
import com.gridcare.wechat.portal.WeChatTextAnswerer;

/**
 * The FAQ bot's answerer, counting how often each question was answered (to see that a message is handled once) and
 * slow for questions starting with {@value #SLOW} (to miss the reply budget).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CountingTextAnswerer implements WeChatTextAnswerer {

    static final String SLOW = "慢";
    static final Duration SLOW_DELAY = Duration.ofSeconds(4);

    private final FaqTextAnswerer faq;
    private final Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();

    public CountingTextAnswerer(FaqTextAnswerer faq) {
        this.faq = faq;
    }

    @Override
    public Uni<String> answer(String text, Asker asker) {
        answered.computeIfAbsent(text, t -> new AtomicInteger()).incrementAndGet();
        if (text.startsWith(SLOW)) {
            return faq.answer(text.substring(SLOW.length()), asker).onItem().delayIt().by(SLOW_DELAY);
        }
        return faq.answer(text, asker);
    }

    int timesAnswered(String text) {
        AtomicInteger count = answered.get(text);
        return count == null ? 0 : count.get();
    }
}
