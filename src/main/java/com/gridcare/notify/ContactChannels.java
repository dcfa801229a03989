package com.gridcare.notify;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.common.ProblemException;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The contact channels ({@code contact_channel}): their unit costs, which the channel choice weighs, and on/off. */
@ApplicationScoped
public class ContactChannels {

    private static final String COLUMNS = "code, name, unit_cost, needs_subscription, enabled";

    private final Pool pool;

    public ContactChannels(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<ContactChannel>> all() {
        return pool.preparedQuery("select " + COLUMNS + " from contact_channel order by unit_cost, code").execute()
                .map(rows -> rows.stream().map(ContactChannels::channel).toList());
    }

    /**
     * On the caller's connection, so the change and its audit record commit together. The app inbox stays on: it is
     * where a message lands when no other channel reaches the resident.
     */
    public Uni<ContactChannel> update(SqlClient client, String code, BigDecimal unitCost, boolean enabled) {
        if (AppInboxChannel.CODE.equals(code) && !enabled) {
            return Uni.createFrom().failure(new ProblemException(409, "channel-required", "Conflict",
                    "The app inbox cannot be switched off: every message no other channel delivers lands there."));
        }
        return client.preparedQuery("update contact_channel set unit_cost = $2, enabled = $3 where code = $1 returning "
                + COLUMNS).execute(Tuple.of(code, unitCost, enabled)).map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("No such contact channel.");
                    }
                    return channel(rows.iterator().next());
                });
    }

    private static ContactChannel channel(Row row) {
        return new ContactChannel(row.getString("code"), row.getString("name"), row.getBigDecimal("unit_cost"),
                row.getBoolean("needs_subscription"), row.getBoolean("enabled"));
    }
}
