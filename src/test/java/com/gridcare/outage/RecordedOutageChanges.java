package com.gridcare.outage;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

/** The outage changes fired while tests run, for tests that check an event was (or was not) fired. */
@ApplicationScoped
public class RecordedOutageChanges {

    private final List<OutageChanged> fired = new CopyOnWriteArrayList<>();

    void record(@ObservesAsync OutageChanged changed) {
        fired.add(changed);
    }

    public List<OutageChanged> of(long outageId) {
        return fired.stream().filter(changed -> changed.outageId() == outageId).toList();
    }
}
