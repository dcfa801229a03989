package com.gridcare.outage;

import java.util.List;

import com.gridcare.common.Problem;
import com.gridcare.common.ProblemException;

/** The refusals of outage management, each with a stable type and the field it is about. */
final class OutageProblems {

    private OutageProblems() {
    }

    /** 400: the request names something wrong in {@code field}; nothing was changed. */
    static ProblemException invalid(String slug, String field, String detail) {
        return new ProblemException(400, slug, "Bad Request", detail, List.of(new Problem.Violation(field, detail)));
    }

    /** 409 {@code illegal-transition}: the outage's status does not allow the move. */
    static ProblemException illegal(String detail) {
        return new ProblemException(409, "illegal-transition", "Conflict", detail,
                List.of(new Problem.Violation("status", detail)));
    }

    /** 403: the scope reaches beyond the staff member's grid area or district. */
    static ProblemException outsideReach(String detail) {
        return new ProblemException(403, "outside-your-area", "Forbidden", detail,
                List.of(new Problem.Violation("scope", detail)));
    }

    static ProblemException notFound() {
        return ProblemException.notFound("No such outage within your area.");
    }

    /** 409 {@code stale-version}, with what changed since the version the request was made on. */
    static final class Stale extends ProblemException {

        private final int currentVersion;
        private final List<OutageConflict.FieldChange> changes;

        Stale(int requested, int currentVersion, List<OutageConflict.FieldChange> changes) {
            super(409, "stale-version", "Conflict", "The outage changed since version " + requested
                    + "; it is at version " + currentVersion + ". Look at what changed and try again.",
                    List.of(new Problem.Violation("version", "stale: now " + currentVersion)));
            this.currentVersion = currentVersion;
            this.changes = changes;
        }

        @Override
        public Object body(String instance) {
            return new OutageConflict("urn:gridcare:problem:" + slug(), title(), status(), getMessage(), instance,
                    violations(), currentVersion, changes);
        }
    }
}
