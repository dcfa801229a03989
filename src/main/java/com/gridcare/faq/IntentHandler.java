package com.gridcare.faq;

import java.util.Optional;

import io.smallrye.mutiny.Uni;

/**
 * Runs an intent ({@code intent.outage.mine}, {@code intent.bill.mine}, {@code intent.usage.mine},
 * {@code intent.repair.report}, {@code intent.agent.human}) for a resident and words the answer in Chinese. The ask
 * service calls the one implementation it finds; a feature that can do the transaction (look up the bound account's
 * outage or bill, open a repair report, escalate) replaces {@link KnowledgeBaseIntentHandler} by declaring its own
 * bean.
 */
public interface IntentHandler {

    /**
     * @param intent the intent's topic
     * @param accountNo the account the resident asked about, if they named one; it is not checked here, so an
     *        implementation must check that the resident may see it
     * @param residentId the signed-in resident, when there is one
     * @return the answer to show
     */
    Uni<String> answer(FaqEntry intent, Optional<String> accountNo, Optional<Long> residentId);
}
