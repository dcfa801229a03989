package com.gridcare.wechat.api;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.redis.datasource.RedisDataSource;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpRedisConfigImpl;

import com.gridcare.wechat.WeChatConfig;

/** One WxJava service per configured official account, found by the app-id WeChat puts in the portal path. */
@ApplicationScoped
public class WeChatAccounts {

    public static final String REDIS_PREFIX = "gridcare:wechat";

    private final Map<String, Account> byAppId = new LinkedHashMap<>();

    public WeChatAccounts(WeChatConfig config, RedisDataSource redis, WeChatApi api) {
        RedisWxOps ops = new RedisWxOps(redis);
        for (WeChatConfig.Account account : config.accounts().values()) {
            WxMpRedisConfigImpl storage = new WxMpRedisConfigImpl(ops, REDIS_PREFIX);
            storage.setAppId(account.appId());
            storage.setSecret(account.secret());
            storage.setToken(account.token());
            storage.setAesKey(account.aesKey());
            // stable_token answers every instance with the same token while it is valid, so even two refreshes
            // racing past the lock do not invalidate each other's token, and it has its own daily quota
            storage.useStableAccessToken(true);
            config.apiBaseUrl().ifPresent(base -> {
                WxMpHostConfig hosts = new WxMpHostConfig();
                hosts.setApiHost(base);
                hosts.setMpHost(base);
                hosts.setOpenHost(base);
                storage.setHostConfig(hosts);
            });
            storage.setApacheHttpClientBuilder(new WeChatHttpClient(config.api()));
            WxMpService service = new SharedTokenWxMpService(api);
            service.setWxMpConfigStorage(storage);
            byAppId.put(account.appId(), new Account(account, storage, service));
        }
    }

    public Optional<Account> find(String appId) {
        return Optional.ofNullable(appId == null ? null : byAppId.get(appId));
    }

    public Collection<Account> all() {
        return byAppId.values();
    }

    public record Account(WeChatConfig.Account config, WxMpRedisConfigImpl storage, WxMpService service) {

        public String appId() {
            return config.appId();
        }
    }
}
