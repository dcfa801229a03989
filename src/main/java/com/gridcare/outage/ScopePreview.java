package com.gridcare.outage;

import java.util.List;

/** What a scope would cover, before it is saved or published. */
public record ScopePreview(long affectedCustomers, List<StaffOutage.ScopeEntry> scope) {
}
