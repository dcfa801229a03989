package com.gridcare.faq;

import com.gridcare.common.ProblemException;

/** A topic id is stable once taken, even after retirement: edit it instead (409). */
public class TopicExistsException extends ProblemException {

    public TopicExistsException(String topicId) {
        super(409, "topic-exists", "Conflict", "Topic " + topicId + " exists already; edit it with PUT instead.");
    }
}
