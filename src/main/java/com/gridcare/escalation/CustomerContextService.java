package com.gridcare.escalation;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.billing.BillDetail;
import com.gridcare.billing.BillingService;
import com.gridcare.binding.ResidentAccounts;
import com.gridcare.common.PiiMasker;
import com.gridcare.outage.CustomerOutages;
import com.gridcare.outage.OutageService;
import com.gridcare.staff.StaffAudit;
import com.gridcare.staff.StaffMember;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The customer behind an escalation, for the staff member answering it: the resident's bound accounts, the latest bill
 * and current and planned outages of the escalation's account, read by the same services residents use. Looking is
 * audited as VIEW_CUSTOMER.
 */
@ApplicationScoped
public class CustomerContextService {

    private final Pool pool;
    private final StaffEscalations escalations;
    private final ResidentAccounts residentAccounts;
    private final BillingService billing;
    private final OutageService outages;
    private final StaffAudit audit;

    public CustomerContextService(Pool pool, StaffEscalations escalations, ResidentAccounts residentAccounts,
            BillingService billing, OutageService outages, StaffAudit audit) {
        this.pool = pool;
        this.escalations = escalations;
        this.residentAccounts = residentAccounts;
        this.billing = billing;
        this.outages = outages;
        this.audit = audit;
    }

    public Uni<CustomerContext> context(StaffMember staff, long escalationId) {
        return escalations.parties(staff, escalationId).chain(parties -> {
            Uni<List<CustomerContext.Account>> bound = parties.residentId() == null ? Uni.createFrom().item(List.of())
                    : residentAccounts.of(parties.residentId()).map(accounts -> accounts.stream()
                            .map(account -> new CustomerContext.Account(account.accountNo(), parties.claimedByMe()
                                    ? account.address() : PiiMasker.address(account.address())))
                            .toList());
            Long customerId = parties.customerId();
            Uni<BillDetail> bill = customerId == null ? Uni.createFrom().nullItem()
                    : billing.latestBill(customerId).map(found -> found.orElse(null));
            Uni<CustomerOutages> current = customerId == null ? Uni.createFrom().nullItem()
                    : outages.forCustomer(customerId);
            Uni<String> accountNo = customerId == null ? Uni.createFrom().nullItem()
                    : pool.preparedQuery("select account_no from customer where id = $1").execute(Tuple.of(customerId))
                            .map(rows -> rows.iterator().next().getString(0));
            return Uni.combine().all().unis(bound, accountNo, bill, current).asTuple()
                    .map(all -> new CustomerContext(all.getItem1(), all.getItem2(), all.getItem3(), all.getItem4()))
                    .call(() -> audit.record(staff, StaffAudit.Action.VIEW_CUSTOMER, escalationId, customerId));
        });
    }
}
