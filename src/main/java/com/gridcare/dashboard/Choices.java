package com.gridcare.dashboard;

import java.util.List;

/** What the dashboard's filters offer: the districts and the tariffs. */
public record Choices(List<Option> districts, List<Option> tariffs) {

    public record Option(String value, String label) {
    }
}
