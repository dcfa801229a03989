package com.gridcare.wechat.api;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.wechat.WeChatConfig;

/**
 * The threads that run WxJava's blocking work: its calls to WeChat's API.
 * A pool of its own, so that a slow WeChat API cannot starve Quarkus' worker pool, and sized by configuration.
 */
@ApplicationScoped
public class WeChatWorkers {

    private final ExecutorService executor;

    public WeChatWorkers(WeChatConfig config) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "wechat-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.executor = Executors.newFixedThreadPool(config.workerThreads(), threads);
    }

    public ExecutorService executor() {
        return executor;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
