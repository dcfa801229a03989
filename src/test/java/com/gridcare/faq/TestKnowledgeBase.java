package com.gridcare.faq;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The shipped knowledge base in place, for tests outside this package: test classes that regenerate the utility
 * truncate staff, which cascades to the knowledge base.
 */
@ApplicationScoped
public class TestKnowledgeBase {

    private final KnowledgeBaseService knowledgeBase;

    TestKnowledgeBase(KnowledgeBaseService knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    public void ensure() {
        knowledgeBase.resync().await().indefinitely();
    }
}
