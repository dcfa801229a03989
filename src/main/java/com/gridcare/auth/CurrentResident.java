package com.gridcare.auth;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** The resident whose bearer token this request carries; only meaningful on endpoints that require the resident role. */
@RequestScoped
public class CurrentResident {

    private final JsonWebToken token;

    public CurrentResident(JsonWebToken token) {
        this.token = token;
    }

    public long id() {
        return Long.parseLong(token.getSubject());
    }
}
