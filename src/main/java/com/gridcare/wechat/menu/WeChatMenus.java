package com.gridcare.wechat.menu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridcare.common.InvalidRequestException;
import com.gridcare.wechat.WeChatConfig;
import com.gridcare.wechat.api.WeChatAccounts;
import com.gridcare.wechat.api.WeChatApi;
import com.gridcare.wechat.api.WeChatApiException;

import io.smallrye.mutiny.Uni;
import me.chanjar.weixin.common.bean.menu.WxMenu;
import me.chanjar.weixin.common.bean.menu.WxMenuButton;
import me.chanjar.weixin.common.error.WxErrorException;

/**
 * The official accounts' menu: {@value #RESOURCE} in WeChat's own JSON format plus a {@code version}, with
 * {@code {h5}} and {@code {appid}} filled in per account, checked against WeChat's limits and published by WxJava.
 * Followers' clients pick a new menu up within minutes.
 */
@ApplicationScoped
public class WeChatMenus {

    static final String RESOURCE = "wechat/menu.json";
    static final int MAX_TOP = 3;
    static final int MAX_SUB = 5;
    static final int MAX_TOP_NAME_BYTES = 16;
    static final int MAX_SUB_NAME_BYTES = 60;
    static final int MAX_KEY_BYTES = 128;
    static final int MAX_URL_BYTES = 1024;
    private static final Set<String> KEY_TYPES = Set.of("click", "scancode_push", "scancode_waitmsg", "pic_sysphoto",
            "pic_photo_or_album", "pic_weixin", "location_select");

    private final WeChatAccounts accounts;
    private final WeChatApi api;
    private final ObjectMapper json;
    private final String h5;
    private final String bundled;

    public WeChatMenus(WeChatAccounts accounts, WeChatApi api, ObjectMapper json, WeChatConfig config) {
        this.accounts = accounts;
        this.api = api;
        this.json = json;
        this.h5 = config.h5BaseUrl();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            this.bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes {@code menuJson}, or the bundled menu when it is null or blank. */
    public Uni<MenuPublication> publish(String appid, String menuJson) {
        WeChatAccounts.Account account = accounts.find(appid).orElseThrow(NotFoundException::new);
        String source = menuJson == null || menuJson.isBlank() ? bundled : menuJson;
        JsonNode tree = tree(source.replace("{h5}", h5).replace("{appid}", appid));
        Integer version = tree.path("version").canConvertToInt() ? tree.get("version").intValue() : null;
        WxMenu menu;
        try {
            // WxJava reads menus only in the shape WeChat's menu query answers: the created menu under "menu"
            menu = WxMenu.fromJson(json.createObjectNode().set("menu", tree).toString());
        } catch (RuntimeException e) {
            throw new InvalidRequestException("the menu is not in WeChat's menu format");
        }
        List<String> problems = violations(menu);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("the menu breaks WeChat's limits: " + String.join("; ", problems));
        }
        return api.call(account, WeChatApi.Api.MENU_CREATE, () -> {
            account.service().getMenuService().menuCreate(menu);
            return new MenuPublication(appid, version, menu.getButtons().stream().map(WxMenuButton::getName).toList());
        }).onFailure(WxErrorException.class).transform(e -> new WeChatApiException(
                "WeChat refused the menu: errcode " + ((WxErrorException) e).getError().getErrorCode()));
    }

    /** Every way the menu breaks WeChat's documented limits; empty when it can be published. */
    public static List<String> violations(WxMenu menu) {
        List<String> problems = new ArrayList<>();
        List<WxMenuButton> top = menu.getButtons() == null ? List.of() : menu.getButtons();
        if (top.isEmpty() || top.size() > MAX_TOP) {
            problems.add("1 to " + MAX_TOP + " top buttons, not " + top.size());
        }
        for (WxMenuButton button : top) {
            check(button, MAX_TOP_NAME_BYTES, problems);
            List<WxMenuButton> subs = button.getSubButtons() == null ? List.of() : button.getSubButtons();
            if (subs.size() > MAX_SUB) {
                problems.add("'" + button.getName() + "' has " + subs.size() + " sub-buttons, at most " + MAX_SUB);
            }
            if (subs.isEmpty()) {
                checkAction(button, problems);
            }
            for (WxMenuButton sub : subs) {
                check(sub, MAX_SUB_NAME_BYTES, problems);
                checkAction(sub, problems);
            }
        }
        return problems;
    }

    private static void check(WxMenuButton button, int maxNameBytes, List<String> problems) {
        String name = button.getName();
        if (name == null || name.isBlank()) {
            problems.add("a button has no name");
        } else if (bytes(name) > maxNameBytes) {
            problems.add("'" + name + "' is longer than " + maxNameBytes + " bytes");
        }
    }

    private static void checkAction(WxMenuButton button, List<String> problems) {
        String type = button.getType();
        if (type == null) {
            problems.add("'" + button.getName() + "' has neither a type nor sub-buttons");
        } else if (KEY_TYPES.contains(type)) {
            if (button.getKey() == null || button.getKey().isEmpty() || bytes(button.getKey()) > MAX_KEY_BYTES) {
                problems.add("'" + button.getName() + "' needs a key of 1 to " + MAX_KEY_BYTES + " bytes");
            }
        } else if ("view".equals(type)) {
            if (button.getUrl() == null || button.getUrl().isEmpty() || bytes(button.getUrl()) > MAX_URL_BYTES) {
                problems.add("'" + button.getName() + "' needs a url of 1 to " + MAX_URL_BYTES + " bytes");
            }
        } else if (!Set.of("miniprogram", "media_id", "article_id", "article_view_limited").contains(type)) {
            problems.add("'" + button.getName() + "' has an unknown type " + type);
        }
    }

    private JsonNode tree(String source) {
        try {
            return json.readTree(source);
        } catch (IOException e) {
            throw new InvalidRequestException("the menu is not valid JSON");
        }
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** What was published: the account, the menu's version (null when the posted menu has none) and top buttons. */
    public record MenuPublication(String appid, Integer version, List<String> topButtons) {
    }
}
