package com.gridcare.wechat.api;

import org.apache.http.client.HttpRequestRetryHandler;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.conn.ConnectionKeepAliveStrategy;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;

import me.chanjar.weixin.common.util.http.apache.ApacheHttpClientBuilder;

import com.gridcare.wechat.WeChatConfig;

/**
 * The HTTP client WxJava calls WeChat with, in place of its default one, which is a JVM-wide singleton that trusts
 * every TLS certificate, waits without limit for a pooled connection and is tuned by mutating that singleton. This one
 * verifies certificates with the JVM's trust store, takes its time limits from {@link WeChatConfig.Api} (a call that
 * cannot get a connection in time fails like one that cannot connect: nothing was sent), and never repeats a request
 * by itself: whether a repeat is safe is {@link WeChatApi}'s decision.
 */
final class WeChatHttpClient implements ApacheHttpClientBuilder {

    /** Connections per account: more than the WeChat workers that could use them at once. */
    private static final int MAX_CONNECTIONS = 32;

    private final WeChatConfig.Api config;

    WeChatHttpClient(WeChatConfig.Api config) {
        this.config = config;
    }

    @Override
    public CloseableHttpClient build() {
        int connect = Math.toIntExact(config.connectTimeout().toMillis());
        RequestConfig timeouts = RequestConfig.custom().setConnectTimeout(connect).setConnectionRequestTimeout(connect)
                .setSocketTimeout(Math.toIntExact(config.readTimeout().toMillis())).build();
        // system properties: the JVM's trust store, and its proxy settings (https.proxyHost) where a proxy is needed
        return HttpClients.custom().useSystemProperties().setDefaultRequestConfig(timeouts)
                .setMaxConnPerRoute(MAX_CONNECTIONS).setMaxConnTotal(MAX_CONNECTIONS).disableAutomaticRetries()
                .disableCookieManagement().build();
    }

    // WxJava hands over the proxy of the config storage, which gridcare never sets: nulls and 0 are all it can pass.

    @Override
    public ApacheHttpClientBuilder httpProxyHost(String host) {
        return noProxy(host == null);
    }

    @Override
    public ApacheHttpClientBuilder httpProxyPort(int port) {
        return noProxy(port <= 0);
    }

    @Override
    public ApacheHttpClientBuilder httpProxyUsername(String username) {
        return noProxy(username == null);
    }

    @Override
    public ApacheHttpClientBuilder httpProxyPassword(String password) {
        return noProxy(password == null);
    }

    private ApacheHttpClientBuilder noProxy(boolean none) {
        if (!none) {
            throw new UnsupportedOperationException("set a proxy for WeChat with the JVM's https.proxyHost instead");
        }
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpRequestRetryHandler(HttpRequestRetryHandler handler) {
        throw new UnsupportedOperationException("WeChat calls are never repeated by the HTTP client");
    }

    @Override
    public ApacheHttpClientBuilder keepAliveStrategy(ConnectionKeepAliveStrategy strategy) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ApacheHttpClientBuilder sslConnectionSocketFactory(SSLConnectionSocketFactory factory) {
        throw new UnsupportedOperationException("WeChat's certificates are checked with the JVM's trust store");
    }
}
