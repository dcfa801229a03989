package com.gridcare.channel;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.notify.ContactChannel;
import com.gridcare.notify.ContactChannels;
import com.gridcare.staff.StaffAudit;
import com.gridcare.staff.StaffMember;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Staff read the channels' costs; an administrator changes them, audited in the same transaction as the change. */
@ApplicationScoped
public class ContactChannelAdmin {

    private final ContactChannels channels;
    private final StaffAudit audit;
    private final Pool pool;

    public ContactChannelAdmin(ContactChannels channels, StaffAudit audit, Pool pool) {
        this.channels = channels;
        this.audit = audit;
        this.pool = pool;
    }

    public Uni<List<ContactChannel>> all() {
        return channels.all();
    }

    public Uni<ContactChannel> update(StaffMember admin, String code, ContactChannelUpdate update) {
        return pool.withTransaction(connection -> channels.update(connection, code, update.unitCost(), update.enabled())
                .call(() -> audit.record(connection, admin, StaffAudit.Action.UPDATE_CONTACT_CHANNEL,
                        "contact-channel:" + code, null)));
    }
}
