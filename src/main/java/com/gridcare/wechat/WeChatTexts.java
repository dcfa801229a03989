package com.gridcare.wechat;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.common.ResourceTexts;

/**
 * The Chinese texts residents read in WeChat, from {@value #RESOURCE} (UTF-8), so that wording is edited without
 * touching code.
 */
@ApplicationScoped
public class WeChatTexts {

    static final String RESOURCE = "wechat/messages.properties";

    private final ResourceTexts texts = ResourceTexts.load(RESOURCE);

    public String text(String key, Object... arguments) {
        return texts.text(key, arguments);
    }
}
