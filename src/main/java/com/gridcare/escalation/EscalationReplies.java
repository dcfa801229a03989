package com.gridcare.escalation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.gridcare.common.PiiMasker;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Staff's replies to escalations, read alike for the resident who asked and for staff. */
final class EscalationReplies {

    private static final String REPLIES = """
            select m.id, m.escalation_id, m.body, m.created_at, s.name
              from escalation_message m join staff s on s.id = m.staff_id
             where m.escalation_id = any($1)
             order by m.created_at, m.id""";

    private EscalationReplies() {
    }

    /**
     * The replies to each of {@code escalationIds}, oldest first (an escalation without any is not in the map).
     * Residents see the staff member's name masked; staff see it in full.
     */
    static Uni<Map<Long, List<Reply>>> of(SqlClient client, Long[] escalationIds, boolean staffNameMasked) {
        return client.preparedQuery(REPLIES).execute(Tuple.of((Object) escalationIds)).map(rows -> {
            Map<Long, List<Reply>> replies = new HashMap<>();
            for (Row row : rows) {
                String name = row.getString("name");
                replies.computeIfAbsent(row.getLong("escalation_id"), id -> new ArrayList<>()).add(new Reply(
                        row.getLong("id"), row.getString("body"), staffNameMasked ? PiiMasker.name(name) : name,
                        row.getOffsetDateTime("created_at")));
            }
            return replies;
        });
    }
}
