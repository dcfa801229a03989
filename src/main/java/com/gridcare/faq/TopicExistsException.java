package com.gridcare.faq;

/** A topic id is stable once taken, even after retirement: edit it instead (409). */
public class TopicExistsException extends RuntimeException {

    public TopicExistsException(String topicId) {
        super("Topic " + topicId + " exists already; edit it with PUT instead.");
    }
}
