package com.gridcare.wechat.signin;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.auth.AuthService;
import com.gridcare.auth.Session;
import com.gridcare.common.ProblemException;
import com.gridcare.wechat.WeChatUsers;
import com.gridcare.wechat.api.WeChatAccounts;
import com.gridcare.wechat.api.WeChatApi;

import io.smallrye.mutiny.Uni;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.service.WxOAuth2Service;

/**
 * H5 sign-in inside WeChat: the page WeChat redirected to with an OAuth2 code ({@code snsapi_base}, or
 * {@code snsapi_userinfo}) hands the code to us; WxJava exchanges it for the openid (through {@link WeChatApi}: 503
 * while WeChat is not answering) and the resident behind that openid gets the same session as an app sign-in.
 */
@ApplicationScoped
public class WeChatSignIn {

    private final WeChatAccounts accounts;
    private final WeChatApi api;
    private final WeChatUsers users;
    private final AuthService auth;

    public WeChatSignIn(WeChatAccounts accounts, WeChatApi api, WeChatUsers users, AuthService auth) {
        this.accounts = accounts;
        this.api = api;
        this.users = users;
        this.auth = auth;
    }

    public Uni<Session> signIn(String appid, String code) {
        WeChatAccounts.Account account = accounts.find(appid)
                .orElseThrow(() -> ProblemException.notFound("No such official account."));
        WxOAuth2Service oauth = account.service().getOAuth2Service();
        return api.call(account, WeChatApi.Api.OAUTH_ACCESS_TOKEN, () -> oauth.getAccessToken(code))
                // 40029 invalid, 40163 used, 41008 missing: all mean the page must send the user through OAuth again
                .onFailure(WxErrorException.class).transform(e -> new ProblemException(401, "invalid-oauth-code",
                        "Unauthorized", "The WeChat authorisation code is invalid, used or expired (errcode "
                                + ((WxErrorException) e).getError().getErrorCode() + ")."))
                .chain(token -> users.residentFor(appid, token.getOpenId(), token.getUnionId()))
                .chain(auth::sessionFor);
    }
}
