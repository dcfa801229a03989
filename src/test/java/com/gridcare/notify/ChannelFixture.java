package com.gridcare.notify;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.dataset.TestUtility;

import io.vertx.mutiny.sqlclient.Pool;

/** Residents, test customers and bill reminders sent on a chosen channel, for the channels' own tests. */
@ApplicationScoped
public class ChannelFixture {

    private static final AtomicLong NEXT_CUSTOMER = new AtomicLong(TestUtility.FIRST_TEST_ID + 8_000);

    private final TestUtility utility;
    private final Outbox outbox;
    private final OutboxDispatcher dispatcher;
    private final Pool pool;

    public ChannelFixture(TestUtility utility, Outbox outbox, OutboxDispatcher dispatcher, Pool pool) {
        this.utility = utility;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.pool = pool;
    }

    public long resident(String mobile) throws SQLException {
        Object id = utility.value("select id from resident where mobile = ?", mobile);
        return id != null ? (Long) id : (Long) utility.value("insert into resident (mobile) values (?) returning id", mobile);
    }

    /** A test customer in {@code gridAreaId} (null: none). */
    public long customer(Integer gridAreaId) throws SQLException {
        long id = utility.customer(NEXT_CUSTOMER.incrementAndGet(), "RES_TIERED", "SMART");
        utility.execute("update customer set grid_area_id = ?, name = '王测试', mobile = '13912345678' where id = ?",
                gridAreaId, id);
        return id;
    }

    /** A bill reminder for the account on {@code channel}; its outbox key. */
    public String remind(long residentId, Long customerId, String channel) {
        String key = "test:bill-reminder:" + UUID.randomUUID();
        Notice notice = new Notice(residentId, customerId, Topic.BILL_REMINDER, key, "电费缴费提醒",
                "您的电费账单 128.50 元将于 12 月 20 日到期，请及时缴纳。", Map.of("amount", "128.50"));
        pool.withTransaction(connection -> outbox.enqueueOn(connection, notice, channel)).await().indefinitely();
        return key;
    }

    public int dispatch() {
        return dispatcher.dispatchDue().await().indefinitely();
    }

    /** status, channel_code, last_error, id, recipient of the message. */
    public Object[] row(String key) throws SQLException {
        return utility.rows("select status, channel_code, last_error, id, recipient from outbox_message "
                + "where idempotency_key = ?", key).get(0);
    }

    /** The outcomes recorded for the message, as "CHANNEL OUTCOME", oldest first. */
    public List<String> outcomes(String key) throws SQLException {
        return utility.rows("""
                select o.channel_code || ' ' || o.outcome from contact_outcome o
                  join outbox_message m on m.id = o.outbox_message_id
                 where m.idempotency_key = ? order by o.id""", key).stream().map(row -> (String) row[0]).toList();
    }
}
