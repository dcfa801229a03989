package com.gridcare.wechat.api;

import java.io.IOException;

import com.google.gson.JsonObject;

import io.micrometer.core.instrument.Timer;
import me.chanjar.weixin.common.enums.WxType;
import me.chanjar.weixin.common.error.WxError;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.util.http.RequestExecutor;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.impl.WxMpRedisConfigImpl;

/**
 * WxJava's service with a second look at the shared token once the refresh lock is held. WxJava checks the token
 * only before waiting for the lock, so instances queued behind a refresh would each fetch a token of their own,
 * spending the daily quota and cutting short the token the others just stored. Token fetches are timed as
 * {@link WeChatApi.Api#TOKEN}; they happen inside other calls, whose guard covers them.
 */
final class SharedTokenWxMpService extends WxMpServiceImpl {

    /** A token this close to its end is not worth passing on: fetch a fresh one. */
    private static final long MIN_SECONDS_LEFT = 60;

    private final WeChatApi api;

    SharedTokenWxMpService(WeChatApi api) {
        this.api = api;
    }

    /**
     * One attempt, as WeChat answered it. WxJava's own loop repeats errcode -1 (which it also makes of a time-out, so a
     * message could arrive twice) and, with repeats turned off, replaces the error by one without code or cause;
     * {@link WeChatApi} needs both to decide about a repeat. An expired token (40001) is still refreshed and the call
     * made once more, inside.
     */
    @Override
    public <T, E> T execute(RequestExecutor<T, E> executor, String uri, E data) throws WxErrorException {
        return executeInternal(executor, uri, data, false);
    }

    @Override
    protected String doGetAccessTokenRequest() throws IOException {
        String stored = storedToken();
        return stored != null ? stored : timed(() -> super.doGetAccessTokenRequest());
    }

    @Override
    protected String doGetStableAccessTokenRequest(boolean forceRefresh) throws IOException {
        String stored = forceRefresh ? null : storedToken();
        return stored != null ? stored : timed(() -> super.doGetStableAccessTokenRequest(forceRefresh));
    }

    private interface TokenRequest {
        String fetch() throws IOException;
    }

    private String timed(TokenRequest request) throws IOException {
        Timer.Sample sample = Timer.start();
        String outcome = "error";
        try {
            String answer = request.fetch();
            int code = answer != null && answer.contains("\"errcode\"")
                    ? WxError.fromJson(answer, WxType.MP).getErrorCode() : 0;
            outcome = code == 0 ? "ok" : WeChatApi.refused(code);
            return answer;
        } catch (IOException e) {
            outcome = WeChatApi.outcome(WeChatApi.classify(e));
            throw e;
        } finally {
            sample.stop(api.timer(WeChatApi.Api.TOKEN, outcome));
        }
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
