package com.gridcare.binding;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.PathParam;

import com.gridcare.identity.CurrentResident;

import io.smallrye.mutiny.Uni;

/**
 * The account number of an account-scoped path ({@code /accounts/{accountNo}/...}), taken as one of the signed-in
 * resident's: a resource method takes it as {@code @Valid @BeanParam MyAccount} and asks it for the customer, so the
 * format check and the access check are written once.
 * <p>
 * Field injection, unlike elsewhere: Quarkus REST makes a bean parameter a CDI bean but needs its no-arg constructor
 * (with an injecting constructor every request failed with 400), then sets the path parameter.
 */
public class MyAccount {

    @PathParam("accountNo")
    @Pattern(regexp = AccountAccess.ACCOUNT_NO)
    String accountNo;

    @Inject
    AccountAccess access;

    @Inject
    CurrentResident current;

    public String number() {
        return accountNo;
    }

    /** The customer behind the account if the resident has it bound, else a 404 problem (see {@link AccountAccess}). */
    public Uni<Long> customerId() {
        return access.customerIdFor(current.id(), accountNo);
    }
}
