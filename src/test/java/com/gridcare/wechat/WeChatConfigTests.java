package com.gridcare.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The accounts as production sets them: environment variables only, one group per account (README, "WeChat"). */
class WeChatConfigTests {

    @Test
    void shouldReadEveryAccountFromTheEnvironment() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(WeChatConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter()) // Quarkus' "80ms" style
                .withSources(new EnvConfigSource(Map.of(
                        "WECHAT_ACCOUNTS_SHENZHEN_APP_ID", "wx0000000000000sz",
                        "WECHAT_ACCOUNTS_SHENZHEN_SECRET", "s1",
                        "WECHAT_ACCOUNTS_SHENZHEN_TOKEN", "t1",
                        "WECHAT_ACCOUNTS_SHENZHEN_AES_KEY", "k1",
                        "WECHAT_ACCOUNTS_SHENZHEN_TEMPLATES_BILL_REMINDER", "tpl-bill",
                        "WECHAT_ACCOUNTS_ZHUHAI_APP_ID", "wx0000000000000zh",
                        "WECHAT_ACCOUNTS_ZHUHAI_SECRET", "s2",
                        "WECHAT_ACCOUNTS_ZHUHAI_TOKEN", "t2",
                        "WECHAT_ACCOUNTS_ZHUHAI_AES_KEY", "k2"), 300) {
                })
                .build();
        Map<String, WeChatConfig.Account> accounts = config.getConfigMapping(WeChatConfig.class).accounts();
        assertThat(accounts).containsOnlyKeys("shenzhen", "zhuhai");
        assertThat(accounts.get("shenzhen").appId()).isEqualTo("wx0000000000000sz");
        assertThat(accounts.get("shenzhen").aesKey()).isEqualTo("k1");
        assertThat(accounts.get("shenzhen").templates().billReminder()).contains("tpl-bill");
        assertThat(accounts.get("zhuhai").token()).isEqualTo("t2");
        assertThat(accounts.get("zhuhai").templates().billReminder()).isEmpty();
    }
}
