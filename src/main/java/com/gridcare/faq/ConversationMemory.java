package com.gridcare.faq;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.list.ReactiveListCommands;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.Json;
import io.vertx.mutiny.redis.client.Response;

/**
 * The recent exchanges of each conversation with the bot, in Redis so that every instance sees the same
 * conversation: one list per conversation, the last {@code gridcare.faq.conversation-length} exchanges, gone
 * {@code gridcare.faq.conversation-ttl} after the last question. Memory helps; it is not worth failing an answer for:
 * when Redis does not answer, the conversation is taken as empty.
 */
@ApplicationScoped
class ConversationMemory {

    private static final Logger LOG = Logger.getLogger(ConversationMemory.class);
    private static final String PREFIX = "faq:conversation:";
    /**
     * KEYS[1] the conversation; ARGV the exchange as JSON, how many to keep, for how many milliseconds, and "recall"
     * for the whole conversation back (else nothing comes back).
     */
    private static final String REMEMBER = """
            redis.call('RPUSH', KEYS[1], ARGV[1])
            redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            if ARGV[4] == 'recall' then
                return redis.call('LRANGE', KEYS[1], 0, -1)
            end
            return {}""";

    /** A question and what the bot made of it; {@code answer} is shortened, it is there for staff to read. */
    record Exchange(String question, String answer, String topicId, double confidence, boolean unsure,
            OffsetDateTime at) {
    }

    private final ReactiveRedisDataSource redis;
    private final ReactiveListCommands<String, Exchange> lists;
    private final ReactiveKeyCommands<String> keys;
    private final Duration ttl;
    private final int length;

    ConversationMemory(ReactiveRedisDataSource redis, FaqConfig config) {
        this.redis = redis;
        this.lists = redis.list(Exchange.class);
        this.keys = redis.key();
        this.ttl = config.conversationTtl();
        this.length = config.conversationLength();
    }

    /** Adds the exchange. */
    Uni<Void> remember(String conversation, Exchange exchange) {
        return remember(conversation, exchange, false).replaceWithVoid();
    }

    /**
     * Adds the exchange and returns the conversation as remembered now, oldest first. One script, so Redis runs the
     * steps at once and in one round trip: two questions of one conversation arriving at two instances at once each
     * see a whole list with their own in it.
     */
    Uni<List<Exchange>> rememberAndRecall(String conversation, Exchange exchange) {
        return remember(conversation, exchange, true);
    }

    private Uni<List<Exchange>> remember(String conversation, Exchange exchange, boolean recall) {
        return redis.execute("EVAL", REMEMBER, "1", PREFIX + conversation, Json.encode(exchange),
                        Integer.toString(length), Long.toString(ttl.toMillis()), recall ? "recall" : "")
                .map(remembered -> {
                    List<Exchange> exchanges = new ArrayList<>(remembered.size());
                    for (Response item : remembered) {
                        exchanges.add(Json.decodeValue(item.toString(), Exchange.class));
                    }
                    return exchanges;
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Conversation not remembered (answering without it): %s", failure.toString());
                    return List.of(exchange);
                });
    }

    /** The conversation as remembered, oldest first; empty when there is none (or Redis does not answer). */
    Uni<List<Exchange>> recall(String conversation) {
        return lists.lrange(PREFIX + conversation, 0, -1)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Conversation not recalled: %s", failure.toString());
                    return List.of();
                });
    }

    /** After a hand-over: what follows is a new conversation, and earlier unsure answers no longer count. */
    Uni<Void> forget(String conversation) {
        return keys.del(PREFIX + conversation).replaceWithVoid()
                .onFailure().invoke(failure -> LOG.warnf("Conversation not forgotten: %s", failure.toString()))
                .onFailure().recoverWithNull();
    }
}
