package com.gridcare.common;

/**
 * A request a service refuses as malformed beyond what Bean Validation can say (a date range too long, a cursor that
 * was not issued by us). The message names the rule broken and is safe to show: 400 problem JSON.
 */
public class InvalidRequestException extends ProblemException {

    public InvalidRequestException(String message) {
        super(400, "invalid-request", "Bad Request", message);
    }
}
