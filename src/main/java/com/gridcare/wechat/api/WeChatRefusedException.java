package com.gridcare.wechat.api;

import jakarta.ws.rs.core.Response;

import com.gridcare.common.ProblemException;

/**
 * A portal request that is refused before anything happens: not from WeChat (signature, stale timestamp, replayed
 * nonce) or not a message WeChat would send. The message is safe to show: it names the rule, never a secret.
 */
public class WeChatRefusedException extends ProblemException {

    public WeChatRefusedException(int status, String slug, String message) {
        super(status, slug, Response.Status.fromStatusCode(status).getReasonPhrase(), message, false);
    }

    public static WeChatRefusedException forbidden(String slug, String message) {
        return new WeChatRefusedException(403, slug, message);
    }

    public static WeChatRefusedException malformed(String message) {
        return new WeChatRefusedException(400, "malformed-wechat-message", message);
    }
}
