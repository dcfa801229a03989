package com.gridcare.wechat;

import java.io.IOException;

import com.google.gson.JsonObject;

import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.impl.WxMpRedisConfigImpl;

/**
 * WxJava's service with a second look at the shared token once the refresh lock is held. WxJava checks the token
 * only before waiting for the lock, so instances queued behind a refresh would each fetch a token of their own,
 * spending the daily quota and cutting short the token the others just stored.
 */
final class SharedTokenWxMpService extends WxMpServiceImpl {

    /** A token this close to its end is not worth passing on: fetch a fresh one. */
    private static final long MIN_SECONDS_LEFT = 60;

    @Override
    protected String doGetAccessTokenRequest() throws IOException {
        String stored = storedToken();
        return stored != null ? stored : super.doGetAccessTokenRequest();
    }

    @Override
    protected String doGetStableAccessTokenRequest(boolean forceRefresh) throws IOException {
        String stored = forceRefresh ? null : storedToken();
        return stored != null ? stored : super.doGetStableAccessTokenRequest(forceRefresh);
    }

    /** The token another instance stored while we waited, as WeChat's answer would carry it; null if none. */
    private String storedToken() {
        WxMpRedisConfigImpl storage = (WxMpRedisConfigImpl) getWxMpConfigStorage();
        String stored = storage.getAccessToken();
        Long secondsLeft = storage.getRedisOps().getExpire(storage.getAccessTokenKey());
        if (stored == null || secondsLeft == null || secondsLeft < MIN_SECONDS_LEFT) {
            return null;
        }
        // WxJava reads WeChat's field names but would write its own: build the answer as WeChat sends it
        JsonObject answer = new JsonObject();
        answer.addProperty("access_token", stored);
        answer.addProperty("expires_in", secondsLeft);
        return answer.toString();
    }
}
