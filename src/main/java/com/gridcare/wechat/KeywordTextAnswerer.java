package com.gridcare.wechat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;

/** Until the FAQ bot lands: a keyword in the message picks an intent, answered like the menu button of that intent. */
@DefaultBean
@ApplicationScoped
public class KeywordTextAnswerer implements WeChatTextAnswerer {

    /** Asking for a person or reporting a fault wins over a lookup ("停电了要报修" is a fault report). */
    private static final List<Intent> ORDER = List.of(Intent.HUMAN_AGENT, Intent.REPORT_FAULT, Intent.OUTAGE_STATUS,
            Intent.LATEST_BILL, Intent.CONSUMPTION, Intent.REMINDER_SETTINGS, Intent.BIND_ACCOUNT);

    private final ResidentAnswers answers;
    private final WeChatTexts texts;
    private final Map<Intent, List<String>> keywords = new LinkedHashMap<>();

    public KeywordTextAnswerer(ResidentAnswers answers, WeChatTexts texts) {
        this.answers = answers;
        this.texts = texts;
        for (Intent intent : ORDER) {
            keywords.put(intent, List.of(texts.text("keywords." + intent.name()).split(",")));
        }
    }

    @Override
    public Uni<String> answer(String text, Asker asker) {
        String question = text == null ? "" : text.strip();
        for (Map.Entry<Intent, List<String>> entry : keywords.entrySet()) {
            if (entry.getValue().stream().anyMatch(question::contains)) {
                return answers.answer(entry.getKey(), asker.appid(), asker.openid());
            }
        }
        return Uni.createFrom().item(texts.text("text.unknown"));
    }
}
