package com.gridcare.reminder;

import java.util.List;

/**
 * The recommender's answer for one reminder: the channels worth their cost, best first (empty: no contact is the best
 * decision), and every reachable channel's expectation, for the record and for staff.
 */
record Decision(List<ContactOption> worthIt, List<Expectation> expectations) {

    ContactOption best() {
        return worthIt.isEmpty() ? null : worthIt.get(0);
    }
}
