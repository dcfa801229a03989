package com.gridcare.notify;

import java.time.Clock;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.common.ProblemException;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A resident's contact e-mail ({@code contact_email}), which they set themselves. It is not verified: a wrong address
 * costs the utility nothing (e-mail is free) and the resident nothing but the message, which the inbox also lists.
 */
@ApplicationScoped
public class ContactEmails {

    private final Pool pool;
    private final Clock clock;

    public ContactEmails(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<ContactEmail> get(long residentId) {
        return pool.preparedQuery("select email from contact_email where resident_id = $1").execute(Tuple.of(residentId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("No contact e-mail set.");
                    }
                    return new ContactEmail(rows.iterator().next().getString("email"));
                });
    }

    public Uni<ContactEmail> set(long residentId, ContactEmailUpdate update) {
        String email = update.email();
        return pool.preparedQuery("""
                insert into contact_email (resident_id, email, updated_at) values ($1, $2, $3)
                on conflict (resident_id) do update set email = excluded.email, updated_at = excluded.updated_at""")
                .execute(Tuple.of(residentId, email, OffsetDateTime.now(clock))).map(ignored -> new ContactEmail(email));
    }

    public Uni<Void> remove(long residentId) {
        return pool.preparedQuery("delete from contact_email where resident_id = $1").execute(Tuple.of(residentId))
                .replaceWithVoid();
    }
}
