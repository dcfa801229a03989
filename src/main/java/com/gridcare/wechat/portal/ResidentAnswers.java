package com.gridcare.wechat.portal;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.intent.AnswerTexts;
import com.gridcare.intent.Intent;
import com.gridcare.intent.IntentAnswer;
import com.gridcare.intent.IntentHandler;
import com.gridcare.outage.NearbyOutage;
import com.gridcare.outage.OutageService;
import com.gridcare.outage.OutageSummary;
import com.gridcare.wechat.WeChatConfig;
import com.gridcare.wechat.WeChatTexts;
import com.gridcare.wechat.WeChatUsers;
import com.gridcare.wechat.menu.MenuKey;

import io.smallrye.mutiny.Uni;

/**
 * The short Chinese answers to what a follower asks for, from the menu or in a message. What is read off their
 * account is the {@link IntentHandler}'s answer, the same as in the app; what is WeChat's own (the H5 pages' links,
 * outages near a reported location) is worded here.
 */
@ApplicationScoped
public class ResidentAnswers {

    /** Outages "near me": the radius WeChat's reported location is good for in a town. */
    static final int NEARBY_RADIUS_METERS = 2_000;
    private static final int NEARBY_SHOWN = 3;

    private final WeChatUsers users;
    private final IntentHandler intents;
    private final OutageService outages;
    private final WeChatTexts texts;
    private final AnswerTexts answerTexts;
    private final String h5;

    public ResidentAnswers(WeChatUsers users, IntentHandler intents, OutageService outages, WeChatTexts texts,
            AnswerTexts answerTexts, WeChatConfig wechat) {
        this.users = users;
        this.intents = intents;
        this.outages = outages;
        this.texts = texts;
        this.answerTexts = answerTexts;
        this.h5 = wechat.h5BaseUrl();
    }

    /** A menu button: the bot's intent for the follower's resident where the key is one, else a link or a prompt. */
    public Uni<String> clicked(MenuKey key, String appid, String openid) {
        Optional<Intent> intent = key.intent();
        if (intent.isEmpty()) {
            return Uni.createFrom().item(link(key, appid));
        }
        return users.residentOf(appid, openid)
                .chain(resident -> intents.answer(intent.get(), Optional.empty(), resident))
                .map(answer -> worded(answer, appid).orElseGet(() -> link(key, appid)));
    }

    /**
     * An intent's answer as WeChat says it: an account's answer as it stands, a follower without an account is sent
     * the binding page and one reporting a fault the repair page; empty where the caller's own answer stands
     * (asking for a person).
     */
    Optional<String> worded(IntentAnswer answer, String appid) {
        return switch (answer.outcome()) {
            case ANSWERED -> Optional.of(answer.text());
            case NO_ACCOUNT -> Optional.of(texts.text("bind.required", bindLink(appid)));
            case CHANNEL -> answer.intent() == Intent.REPAIR_REPORT
                    ? Optional.of(texts.text("fault.report", h5 + "/repair")) : Optional.empty();
        };
    }

    public String welcome(String appid) {
        return texts.text("welcome", bindLink(appid));
    }

    public String scanned(String appid) {
        return texts.text("scan", bindLink(appid));
    }

    public Uni<String> outagesNear(double latitude, double longitude) {
        return nearby(latitude, longitude).map(found -> found.isEmpty()
                ? texts.text("nearby.none", String.valueOf(NEARBY_RADIUS_METERS))
                : nearbyText(found));
    }

    /** For WeChat's automatic location reports: something to say only when there is an outage near. */
    public Uni<String> outagesNearIfAny(double latitude, double longitude) {
        return nearby(latitude, longitude).map(found -> found.isEmpty() ? null : nearbyText(found));
    }

    private Uni<List<NearbyOutage>> nearby(double latitude, double longitude) {
        return outages.near(latitude, longitude, NEARBY_RADIUS_METERS);
    }

    private String nearbyText(List<NearbyOutage> found) {
        StringBuilder text = new StringBuilder(texts.text("nearby.header", String.valueOf(found.size())));
        for (NearbyOutage near : found.subList(0, Math.min(NEARBY_SHOWN, found.size()))) {
            OutageSummary o = near.outage();
            text.append('\n').append(texts.text(o.current() ? "nearby.current" : "nearby.planned",
                    near.nearestAreaName(), String.valueOf(near.distanceMeters()), answerTexts.time(o.startsAt()),
                    answerTexts.restore(o)));
        }
        return text.toString();
    }

    private String link(MenuKey key, String appid) {
        return switch (key) {
            case SMART_SERVICE -> texts.text("faq.prompt");
            case HUMAN_AGENT -> texts.text("agent.handover");
            case REMINDER_SETTINGS -> texts.text("reminders.link", h5 + "/reminders");
            case BIND_ACCOUNT -> texts.text("bind.link", bindLink(appid));
            default -> throw new IllegalStateException("answered by its intent: " + key);
        };
    }

    private String bindLink(String appid) {
        return h5 + "/bind?appid=" + appid;
    }
}
