package com.gridcare.auth;

import io.smallrye.mutiny.Uni;

/**
 * How many accounts a resident has bound, for their profile. Binding owns the bindings and answers this; auth asks
 * through this interface because binding builds on auth (a texted code proves a binding), so auth cannot call it.
 */
public interface BoundAccountCount {

    Uni<Integer> count(long residentId);
}
