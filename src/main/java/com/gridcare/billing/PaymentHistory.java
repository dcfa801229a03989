package com.gridcare.billing;

import java.time.LocalDate;
import java.util.List;

/**
 * What billing knows of one account's payment behaviour: its standing attributes, every bill (oldest first) and every
 * payment (oldest first, top-ups included). Read by {@link PaymentHistories} for models that look at the whole book;
 * dates are the utility's local dates, amounts in fen.
 */
public record PaymentHistory(long customerId, String accountNo, boolean highVoltage, String tariffCode,
        boolean prepaid, LocalDate openedOn, Integer contractedKva, List<Bill> bills, List<Payment> payments) {

    /** {@code settledOn} is null while the bill is not fully paid. */
    public record Bill(long id, LocalDate issuedOn, LocalDate dueDate, long totalFen, LocalDate settledOn) {
    }

    /** {@code billId} is null for a top-up of a prepaid balance; {@code autoDebit} for a bank's standing order. */
    public record Payment(Long billId, LocalDate paidOn, long amountFen, String channelKind, boolean autoDebit) {
    }
}
