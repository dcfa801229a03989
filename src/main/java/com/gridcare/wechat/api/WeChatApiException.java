package com.gridcare.wechat.api;

import com.gridcare.common.ProblemException;

/** WeChat's API refused a call an operator made (menu publishing): 502 with WeChat's error code, safe to show. */
public class WeChatApiException extends ProblemException {

    public WeChatApiException(String message) {
        super(502, "wechat-api-error", "Bad Gateway", message);
    }
}
