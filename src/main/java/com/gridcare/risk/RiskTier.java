package com.gridcare.risk;

/** Drives the reminder policy: LOW gets the free channels if any, HIGH the costly ones early. */
public enum RiskTier {
    LOW, MEDIUM, HIGH
}
