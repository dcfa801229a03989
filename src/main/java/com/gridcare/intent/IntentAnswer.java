package com.gridcare.intent;

/**
 * What an intent came to. Only an answer read off the account has a text here; in the other cases the channel says
 * what fits it (the app the knowledge-base text, WeChat a link to its H5 page).
 *
 * @param text the answer, for {@link Outcome#ANSWERED} only
 */
public record IntentAnswer(Intent intent, Outcome outcome, String text) {

    public enum Outcome {
        /** Answered from the resident's account. */
        ANSWERED,
        /** There is no account to answer from: the caller is anonymous, or has none bound. */
        NO_ACCOUNT,
        /** Nothing to read off an account (reporting a fault, asking for a person): the channel has its own way. */
        CHANNEL
    }

    static IntentAnswer answered(Intent intent, String text) {
        return new IntentAnswer(intent, Outcome.ANSWERED, text);
    }

    static IntentAnswer noAccount(Intent intent) {
        return new IntentAnswer(intent, Outcome.NO_ACCOUNT, null);
    }

    static IntentAnswer channel(Intent intent) {
        return new IntentAnswer(intent, Outcome.CHANNEL, null);
    }
}
