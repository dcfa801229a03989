package com.gridcare.common;

import java.util.List;

/**
 * A failure the service means to report to the client: it carries the problem's stable slug, status and a detail
 * that is safe to show (no internals, no personal data). Features subclass it for their own problems; one mapper in
 * {@link ProblemMappers} turns every one into problem JSON.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.Violation> violations;

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, true);
    }

    /** A refusal that names the fields at fault (bad input a client can point its user to). */
    public ProblemException(int status, String slug, String title, String detail, List<Problem.Violation> violations) {
        super(detail, null, false, true);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    /** Without a stack trace, for refusals frequent enough that filling one in would cost more than the answer. */
    protected ProblemException(int status, String slug, String title, String detail, boolean stackTrace) {
        super(detail, null, false, stackTrace);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.violations = null;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** The fields at fault, or null when the problem is not about particular fields. */
    public List<Problem.Violation> violations() {
        return violations;
    }

    /**
     * The problem JSON of this failure at {@code instance}. A subclass whose problem has extension members (RFC 7807
     * section 3.2: what a conflicting change was, say) answers a record of its own with the same first members.
     */
    public Object body(String instance) {
        return new Problem("urn:gridcare:problem:" + slug, title, status, getMessage(), instance, violations);
    }

    /** 404 {@code not-found}: also what a resident gets for another resident's account, so accounts cannot be probed. */
    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not Found", detail);
    }

    /** 429 {@code too-many-requests}: a rate limit was reached; the detail says when to try again. */
    public static ProblemException tooManyRequests(String detail) {
        return new ProblemException(429, "too-many-requests", "Too Many Requests", detail);
    }

    /** 503 {@code temporarily-unavailable}: a server we depend on did not answer; nothing was changed. */
    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "temporarily-unavailable", "Service Unavailable", detail);
    }

    /**
     * For {@code onFailure().transform(...)} around a call to a server we depend on (Redis): a problem we raised passes
     * as it is, anything else (no answer, a refused connection) becomes 503 {@code temporarily-unavailable}.
     */
    public static Throwable unavailableUnlessProblem(Throwable failure) {
        return failure instanceof ProblemException ? failure : unavailable("Please try again in a minute.");
    }
}
