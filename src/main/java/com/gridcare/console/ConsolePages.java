package com.gridcare.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import com.gridcare.staff.CurrentStaff;
import com.gridcare.staff.StaffConfig;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;

/** What every console page and form shares: the page headers, the session cookie and the CSRF check. */
final class ConsolePages {

    private ConsolePages() {
    }

    /** Pages are private to the staff member, never framed and run only the console's own script. */
    static Response page(TemplateInstance template, int status) {
        return Response.status(status).entity(template).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "
                        + "frame-ancestors 'none'; form-action 'self'")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    /** A form is the console's own only when it carries the session token's {@code csrf} value. */
    static void checkCsrf(CurrentStaff current, String csrf) {
        String expected = current.csrfToken();
        if (csrf == null || expected == null || !MessageDigest.isEqual(csrf.getBytes(StandardCharsets.US_ASCII),
                expected.getBytes(StandardCharsets.US_ASCII))) {
            throw new ForbiddenException("The form is stale or did not come from the console.");
        }
    }

    static NewCookie cookie(StaffConfig config, String token, int maxAge) {
        return new NewCookie.Builder(config.cookieName()).value(token).path("/").httpOnly(true)
                .secure(config.cookieSecure()).sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }
}
