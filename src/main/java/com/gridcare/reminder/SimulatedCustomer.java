package com.gridcare.reminder;

/** A customer of the configured database as the simulator loads them: attributes, habits and bill history. */
record SimulatedCustomer(long customerId, String accountNo, boolean highVoltage, boolean prepaid, boolean hasMobile,
        PaymentHabit habit, double tenureYears, Double riskProbability, int bills, int billsOnTime, double usualBill) {
}
