package com.gridcare.email;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.gridcare.notify.ChannelAdapter;
import com.gridcare.notify.Delivery;
import com.gridcare.notify.OutboxMessage;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;

/**
 * E-mail through the configured SMTP server (quarkus.mailer.*): the notice's title as subject, its text as body. The
 * server taking the mail is as far as gridcare can see. A message addressed elsewhere (the resident has no contact
 * e-mail) reaches no one here, which the dispatcher answers with the app inbox.
 */
@ApplicationScoped
public class EmailChannel implements ChannelAdapter {

    private static final Logger LOG = Logger.getLogger(EmailChannel.class);

    /** Lets a mail client or the SMTP server's log tie a mail sent twice (a retry after a lost answer) to one notice. */
    static final String NOTICE_HEADER = "X-Gridcare-Notice";

    private final ReactiveMailer mailer;

    public EmailChannel(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public String channelCode() {
        return "EMAIL";
    }

    @Override
    public Uni<Delivery> deliver(OutboxMessage message) {
        if (!message.recipient().contains("@")) {
            return Uni.createFrom().item(Delivery.unavailable("email: no address"));
        }
        Mail mail = Mail.withText(message.recipient(), message.title(), message.text())
                .addHeader(NOTICE_HEADER, message.idempotencyKey());
        return mailer.send(mail).replaceWith(Delivery.sent())
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Outbox message %d: the mail server did not take it: %s", message.id(),
                            failure.getMessage());
                    return Delivery.retryable("email: server did not take it");
                });
    }
}
