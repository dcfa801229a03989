package com.gridcare.staff;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** The staff member whose token this request carries; only meaningful on endpoints that require a staff role. */
@RequestScoped
public class CurrentStaff {

    private final JsonWebToken token;

    public CurrentStaff(JsonWebToken token) {
        this.token = token;
    }

    public StaffMember member() {
        StaffRole role = token.getGroups().contains(StaffRole.ADMIN_GROUP) ? StaffRole.ADMIN
                : token.getGroups().contains(StaffRole.SUPERVISOR_GROUP) ? StaffRole.SUPERVISOR : StaffRole.AGENT;
        return new StaffMember(Integer.parseInt(token.getSubject().substring(StaffTokens.SUBJECT_PREFIX.length())),
                text(StaffTokens.STAFF_NO), text(StaffTokens.NAME), role,
                number(StaffTokens.DISTRICT), number(StaffTokens.GRID_AREA));
    }

    /** The value the console's forms must send back: an attacker's page can neither read it nor the cookie. */
    public String csrfToken() {
        return text(StaffTokens.CSRF);
    }

    /** Claims arrive as plain strings or as JSON-P values, depending on how the verifier parsed them. */
    private String text(String claim) {
        Object value = token.getClaim(claim);
        return value instanceof JsonString json ? json.getString() : value == null ? null : value.toString();
    }

    private Integer number(String claim) {
        Object value = token.getClaim(claim);
        return value == null ? null : Integer.valueOf(value.toString());
    }
}
