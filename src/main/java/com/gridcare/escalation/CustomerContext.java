package com.gridcare.escalation;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.gridcare.billing.BillDetail;
import com.gridcare.outage.CustomerOutages;

/** What staff need to answer: the resident's bound accounts and, for the escalation's account, its bill and outages. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerContext(
        @Schema(description = "The resident's bound accounts (addresses masked unless I claimed the escalation)")
        List<Account> boundAccounts,
        @Schema(description = "The escalation's account; null when it names none") String accountNo,
        BillDetail latestBill,
        CustomerOutages outages) {

    public record Account(String accountNo, String address) {
    }
}
