package com.gridcare.faq;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The knowledge base: staff edits in PostgreSQL, and every instance's in-memory index kept in step with them.
 * <p>
 * An edit commits, rebuilds this instance's index before it returns (so the editor's next question sees it) and
 * publishes the new revision on a Redis channel; every other instance reloads when it hears of a revision other than
 * its own. Pub/sub is fire and forget, so each instance also compares its revision with PostgreSQL every
 * {@code gridcare.faq.resync-interval}, which bounds how long a lost message can leave it behind.
 * <p>
 * The initial content is {@code faq/knowledge-base.json}. At start, topics of that file missing from the table are
 * inserted; topics already there are never touched, so staff edits and retirements survive restarts and upgrades, a
 * new release can still bring new topics, and several instances starting at once insert each topic once. (A Flyway
 * Java migration would have seeded once only and needed a version number of its own.)
 */
@ApplicationScoped
public class KnowledgeBaseService {

    private static final Logger LOG = Logger.getLogger(KnowledgeBaseService.class);
    private static final String SEED = "faq/knowledge-base.json";

    private final FaqRepository repository;
    private final FaqEngine engine;
    private final UnansweredLog unanswered;
    private final ReactivePubSubCommands<String> pubsub;
    private final Pool pool;
    private final ObjectMapper json;
    private final String channel;
    private final AtomicLong reads = new AtomicLong();

    KnowledgeBaseService(FaqRepository repository, FaqEngine engine, UnansweredLog unanswered,
            ReactiveRedisDataSource redis, Pool pool, ObjectMapper json, FaqConfig config) {
        this.repository = repository;
        this.engine = engine;
        this.unanswered = unanswered;
        this.pubsub = redis.pubsub(String.class);
        this.pool = pool;
        this.json = json;
        this.channel = config.changesChannel();
    }

    // Startup observers run on the main thread before the service takes requests: waiting here is fine, and an
    // instance must not answer from an empty knowledge base.
    void loadAtStart(@Observes StartupEvent event) {
        int added = repository.insertMissing(seed()).await().indefinitely();
        if (added > 0) {
            LOG.infof("Knowledge base: %d topics added from %s", added, SEED);
        }
        reload().await().indefinitely();
        pubsub.subscribe(channel, this::heard).onFailure().invoke(failure -> LOG.warnf(
                "Not subscribed to knowledge-base changes (%s); this instance catches up by its periodic check",
                failure.toString()))
                .onFailure().recoverWithNull().await().indefinitely();
    }

    public Uni<List<FaqEntry>> entries() {
        return repository.all();
    }

    public Uni<List<FaqEntry>> history(String topicId) {
        return repository.history(topicId);
    }

    public Uni<FaqEntry> create(@Valid @NotNull NewFaqEntry entry) {
        return repository.create(entry.topicId(), tidy(entry.content()))
                .onItem().ifNull().failWith(() -> new TopicExistsException(entry.topicId()))
                .call(this::changed);
    }

    /** A topic written for a question on the unanswered list, which it takes off the list. */
    public Uni<FaqEntry> create(@Valid @NotNull NewFaqEntry entry, String normalisedQuestion) {
        return create(entry).call(created -> unanswered.handled(normalisedQuestion, created.topicId()));
    }

    /** The new version; null when there is no such topic. Editing a retired topic brings it back. */
    public Uni<FaqEntry> edit(String topicId, @Valid @NotNull FaqEntryContent content) {
        return repository.update(topicId, tidy(content))
                .call(entry -> entry == null ? Uni.createFrom().voidItem() : changed(entry));
    }

    /** The retired version; null when there is no active topic of that id. */
    public Uni<FaqEntry> retire(String topicId) {
        return repository.retire(topicId).call(entry -> entry == null ? Uni.createFrom().voidItem() : changed(entry));
    }

    /** Reads the whole knowledge base and rebuilds the index off the event loop. */
    Uni<Void> reload() {
        return Uni.createFrom().deferred(() -> {
            long read = reads.incrementAndGet();
            return repository.all().emitOn(Infrastructure.getDefaultWorkerPool())
                    .invoke(entries -> engine.replace(entries, read)).replaceWithVoid();
        });
    }

    /**
     * Catches up with a change this instance was not told about. The topics of the seed file are inserted again if
     * they went missing: truncating {@code staff} (as {@code generate --restart} does) cascades to the knowledge
     * base through {@code faq_entry.updated_by}.
     */
    @Scheduled(every = "${gridcare.faq.resync-interval}", delayed = "${gridcare.faq.resync-interval}")
    Uni<Void> resync() {
        return pool.query("select coalesce(sum(version), 0) from faq_entry").execute()
                .map(rows -> rows.iterator().next().getLong(0))
                .flatMap(revision -> revision == engine.revision() ? Uni.createFrom().voidItem()
                        : repository.insertMissing(seed()).call(this::reload)
                                .invoke(() -> LOG.infof("Knowledge base resynchronised from revision %d",
                                        engine.revision())).replaceWithVoid())
                .onFailure().invoke(failure -> LOG.warnf("Knowledge-base check failed: %s", failure.toString()))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> changed(FaqEntry entry) {
        return reload().call(() -> pubsub.publish(channel, Long.toString(engine.revision()))
                .onFailure().invoke(failure -> LOG.warnf("Could not announce the change of %s (other instances catch "
                        + "up by their periodic check): %s", entry.topicId(), failure.toString()))
                .onFailure().recoverWithNull());
    }

    private void heard(String revision) {
        long announced;
        try {
            announced = Long.parseLong(revision);
        } catch (NumberFormatException e) {
            LOG.warnf("Ignoring a malformed knowledge-base change message: %s", revision);
            return;
        }
        // Not "newer than": a knowledge base emptied and filled again starts its revisions over.
        if (announced != engine.revision()) {
            reload().subscribe().with(done -> LOG.debugf("Knowledge base reloaded for revision %d", announced),
                    failure -> LOG.warnf("Knowledge-base reload failed: %s", failure.toString()));
        }
    }

    private List<NewFaqEntry> seed() {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(SEED)) {
            return json.readValue(in, new TypeReference<List<NewFaqEntry>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FaqEntryContent tidy(FaqEntryContent content) {
        return new FaqEntryContent(content.title().strip(), content.answer().strip(),
                content.phrasings().stream().map(String::strip).distinct().toList());
    }
}
