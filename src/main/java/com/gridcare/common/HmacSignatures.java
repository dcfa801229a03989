package com.gridcare.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one check of a provider's signed callback (voice results, SMS receipts, payments): the header
 * {@value #HEADER} carries the lower-case hex HMAC-SHA256 of exactly the body's bytes under a secret shared with the
 * provider. Callbacks are public by design, as providers have no gridcare account, so this signature is all that
 * makes a body trusted; it is checked before the body is read.
 */
public final class HmacSignatures {

    public static final String HEADER = "X-Gridcare-Signature";

    private HmacSignatures() {
    }

    /**
     * The body (empty for none), once it is signed with {@code secret}: refused (403) otherwise, and always when no
     * secret is configured.
     */
    public static byte[] verified(Optional<String> secret, byte[] body, String signature) {
        byte[] signed = body == null ? new byte[0] : body;
        if (secret.isEmpty() || secret.get().isBlank() || signature == null
                || !MessageDigest.isEqual(sign(secret.get(), signed).getBytes(StandardCharsets.US_ASCII),
                        signature.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw new ProblemException(403, "bad-signature", "Forbidden",
                    "The callback is not signed with the shared secret.");
        }
        return signed;
    }

    /** The signature of {@code body} under {@code secret}, as a provider sends it. */
    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
