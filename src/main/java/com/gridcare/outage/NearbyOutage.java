package com.gridcare.outage;

/**
 * A published outage affecting transformer areas within the searched radius: the nearest one's distance and name,
 * and how many affected transformer areas lie within the radius.
 */
public record NearbyOutage(OutageSummary outage, int distanceMeters, String nearestAreaName, int areasWithinRadius) {
}
