package com.gridcare.notify;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.common.ResourceTexts;

/** The Chinese texts of notices, from {@code messages/notices.properties}, so wording changes never touch code. */
@ApplicationScoped
public class NoticeTexts {

    private final ResourceTexts texts = ResourceTexts.load("messages/notices.properties");

    public String title(String key, Object... arguments) {
        return texts.text(key + ".title", arguments);
    }

    public String text(String key, Object... arguments) {
        return texts.text(key + ".text", arguments);
    }
}
