package com.gridcare.common;

import java.io.IOException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The body of a provider's callback: read only once its signature is checked ({@link HmacSignatures}), and refused with
 * 400 and what to give when it is not the JSON expected.
 */
@ApplicationScoped
public class SignedJson {

    private final ObjectMapper json;

    public SignedJson(ObjectMapper json) {
        this.json = json;
    }

    /** 403 unless signed with {@code secret}; 400 with {@code whatToGive} unless a {@code type}. */
    public <T> T read(Optional<String> secret, byte[] body, String signature, Class<T> type, String whatToGive) {
        byte[] signed = HmacSignatures.verified(secret, body, signature);
        T value;
        try {
            value = json.readValue(signed, type);
        } catch (IOException e) {
            throw new InvalidRequestException(whatToGive);
        }
        if (value == null) {
            throw new InvalidRequestException(whatToGive);
        }
        return value;
    }
}
