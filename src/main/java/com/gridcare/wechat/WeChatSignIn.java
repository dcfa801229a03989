package com.gridcare.wechat;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.auth.AuthService;
import com.gridcare.auth.Session;
import com.gridcare.common.ProblemException;

import io.smallrye.mutiny.Uni;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.service.WxOAuth2Service;

/**
 * H5 sign-in inside WeChat: the page WeChat redirected to with an OAuth2 code ({@code snsapi_base}, or
 * {@code snsapi_userinfo}) hands the code to us; WxJava exchanges it for the openid (a blocking call, on the WeChat
 * workers) and the resident behind that openid gets the same session as an app sign-in.
 */
@ApplicationScoped
public class WeChatSignIn {

    private final WeChatAccounts accounts;
    private final WeChatWorkers workers;
    private final AuthService auth;

    public WeChatSignIn(WeChatAccounts accounts, WeChatWorkers workers, AuthService auth) {
        this.accounts = accounts;
        this.workers = workers;
        this.auth = auth;
    }

    public Uni<Session> signIn(String appid, String code) {
        WeChatAccounts.Account account = accounts.find(appid)
                .orElseThrow(() -> ProblemException.notFound("No such official account."));
        WxOAuth2Service oauth = account.service().getOAuth2Service();
        return Uni.createFrom().item(() -> {
            try {
                return oauth.getAccessToken(code);
            } catch (WxErrorException e) {
                // 40029 invalid, 40163 used, 41008 missing: all mean the page must send the user through OAuth again
                throw new ProblemException(401, "invalid-oauth-code", "Unauthorized",
                        "The WeChat authorisation code is invalid, used or expired (errcode "
                                + e.getError().getErrorCode() + ").");
            }
        }).runSubscriptionOn(workers.executor())
                .chain(token -> auth.signInWithWeChat(appid, token.getOpenId(), token.getUnionId()));
    }
}
