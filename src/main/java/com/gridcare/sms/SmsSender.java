package com.gridcare.sms;

import java.util.Map;

import io.smallrye.mutiny.Uni;

/** The SMS channel: sends one templated text to one mobile; fails with a problem when the provider does not take it. */
public interface SmsSender {

    Uni<Void> send(String mobile, String template, Map<String, String> parameters);
}
