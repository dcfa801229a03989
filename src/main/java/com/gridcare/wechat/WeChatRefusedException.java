package com.gridcare.wechat;

/**
 * A portal request that is refused before anything happens: not from WeChat (signature, stale timestamp, replayed
 * nonce) or not a message WeChat would send. The message is safe to show: it names the rule, never a secret.
 */
public class WeChatRefusedException extends RuntimeException {

    private final int status;
    private final String slug;

    WeChatRefusedException(int status, String slug, String message) {
        super(message, null, false, false);
        this.status = status;
        this.slug = slug;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    static WeChatRefusedException forbidden(String slug, String message) {
        return new WeChatRefusedException(403, slug, message);
    }

    static WeChatRefusedException malformed(String message) {
        return new WeChatRefusedException(400, "malformed-wechat-message", message);
    }
}
