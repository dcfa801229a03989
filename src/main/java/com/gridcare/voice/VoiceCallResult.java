package com.gridcare.voice;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the voice provider reports when a call ended. */
public record VoiceCallResult(@Schema(description = "The id the provider gave when the call was placed") String callId,
        CallResult result) {
}
