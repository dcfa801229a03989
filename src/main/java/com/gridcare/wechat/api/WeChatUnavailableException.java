package com.gridcare.wechat.api;

import com.gridcare.common.ProblemException;

/**
 * WeChat's API could not be used: no connection, no answer in time, an HTTP error, "system busy" (errcode -1), or the
 * account's circuit breaker open after such failures. For a client, 503: try again later. {@link #mayHaveArrived()}
 * tells a sender whether WeChat may have acted on the request all the same (it was sent, and the answer was lost).
 */
public class WeChatUnavailableException extends ProblemException {

    private final String reason;
    private final boolean mayHaveArrived;

    WeChatUnavailableException(String reason, boolean mayHaveArrived) {
        super(503, "wechat-unavailable", "Service Unavailable",
                "WeChat is not answering; please try again in a minute.", false);
        this.reason = reason;
        this.mayHaveArrived = mayHaveArrived;
    }

    /** What went wrong, in a word: busy (errcode -1), timeout, unreachable, error (an HTTP error...), circuit-open. */
    public String reason() {
        return reason;
    }

    public boolean mayHaveArrived() {
        return mayHaveArrived;
    }
}
