package com.gridcare.identity;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/** The resident whose bearer token this request carries. */
@RequestScoped
public class CurrentResident {

    /** The role (JWT group) of a resident's token: what resident-only endpoints allow. */
    public static final String ROLE = "resident";

    private final JsonWebToken token;
    private final CurrentIdentityAssociation identity;

    public CurrentResident(JsonWebToken token, CurrentIdentityAssociation identity) {
        this.token = token;
        this.identity = identity;
    }

    /** Only meaningful on endpoints that require the resident role. */
    public long id() {
        return Long.parseLong(token.getSubject());
    }

    /**
     * On endpoints anyone may call: the resident, if a resident's token came with the request; empty for anonymous
     * callers and staff. Authentication is deferred (quarkus.http.auth.proactive=false), so it runs here, without
     * blocking; a token that is expired or invalid is still refused (401), not taken for no token.
     */
    public Uni<Optional<Long>> ifSignedIn() {
        return identity.getDeferredIdentity().map(caller -> caller.hasRole(ROLE)
                && caller.getPrincipal() instanceof JsonWebToken jwt ? Optional.of(Long.parseLong(jwt.getSubject()))
                        : Optional.empty());
    }
}
