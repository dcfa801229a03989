package com.gridcare.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.gridcare.common.PiiMasker;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * The SMS channel as configured: switched off, or without a provider outside the demo, every send is refused with
 * 503; the provider at {@code gridcare.sms.base-url}; without one, the demo (which shows codes in responses anyway)
 * logs what it would have sent.
 */
@ApplicationScoped
public class SmsSenderProducer {

    private static final Logger LOG = Logger.getLogger(SmsSenderProducer.class);

    // Whether the demo shows codes is auth's setting (auth.AuthConfig holds it and its default). It is read here by name:
    // auth sends its codes through this package, which therefore cannot depend on auth.
    @Produces
    @ApplicationScoped
    SmsSender smsSender(SmsConfig config, Vertx vertx,
            @ConfigProperty(name = "gridcare.auth.expose-sms-code") boolean exposeSmsCode) {
        SmsSender unavailable = (mobile, template, parameters, reference) -> Uni.createFrom().failure(HttpSmsSender.smsUnavailable());
        if (!config.enabled()) {
            LOG.info("SMS switched off (gridcare.sms.enabled=false): sign-in and binding by SMS code are unavailable");
            return unavailable;
        }
        if (config.baseUrl().isPresent()) {
            return new HttpSmsSender(WebClient.create(vertx, new WebClientOptions().setMaxPoolSize(config.maxConnections())),
                    config);
        }
        if (exposeSmsCode) {
            return (mobile, template, parameters, reference) -> {
                LOG.infof("No SMS provider configured (demo): %s to %s not sent", template, PiiMasker.mobile(mobile));
                return Uni.createFrom().voidItem();
            };
        }
        LOG.error("No SMS provider configured (GRIDCARE_SMS_BASE_URL): sign-in and binding by SMS code are unavailable");
        return unavailable;
    }
}
