package com.gridcare.wechat;

/** WeChat's API refused a call an operator made (menu publishing): 502 with WeChat's error code, safe to show. */
public class WeChatApiException extends RuntimeException {

    public WeChatApiException(String message) {
        super(message);
    }
}
