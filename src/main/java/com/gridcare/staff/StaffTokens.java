package com.gridcare.staff;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.auth.AuthConfig;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Issues staff tokens: RS256 with the same key and issuer as residents' (one verification for the whole service),
 * told apart by their group (agent, supervisor, admin, never resident) and a subject {@code staff:<id>} that no
 * resident endpoint can mistake for a resident id. The token carries what scoping needs (district, grid area), so a
 * queue read asks the database nothing about the staff member, and a random {@code csrf} value that the console's
 * forms must echo (see console.ConsoleResource).
 */
@ApplicationScoped
public class StaffTokens {

    static final String SUBJECT_PREFIX = "staff:";
    static final String STAFF_NO = "staffNo";
    static final String NAME = "name";
    static final String DISTRICT = "districtId";
    static final String GRID_AREA = "gridAreaId";
    static final String CSRF = "csrf";

    private final SecureRandom random = new SecureRandom();
    private final AuthConfig auth;
    private final StaffConfig config;

    public StaffTokens(AuthConfig auth, StaffConfig config) {
        this.auth = auth;
        this.config = config;
    }

    /** Signing is RSA arithmetic: on a worker thread, not the event loop. */
    public Uni<StaffSession> issue(StaffMember staff) {
        byte[] csrf = new byte[24];
        random.nextBytes(csrf);
        return Uni.createFrom().item(() -> {
            var claims = Jwt.issuer(auth.issuer())
                    .subject(SUBJECT_PREFIX + staff.id())
                    .upn(staff.staffNo())
                    .groups(Set.of(staff.role().group()))
                    .claim(STAFF_NO, staff.staffNo())
                    .claim(NAME, staff.name())
                    .claim(CSRF, Base64.getUrlEncoder().withoutPadding().encodeToString(csrf))
                    .expiresIn(config.tokenTtl());
            if (staff.districtId() != null) {
                claims.claim(DISTRICT, staff.districtId());
            }
            if (staff.gridAreaId() != null) {
                claims.claim(GRID_AREA, staff.gridAreaId());
            }
            return new StaffSession(claims.sign(), "Bearer", config.tokenTtl().toSeconds(), staff);
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
