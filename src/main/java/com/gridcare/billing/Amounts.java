package com.gridcare.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Conversions between the fixed-point units of {@link BillCalculator} and the decimals of the database and the API:
 * money in fen ↔ CNY with 2 decimals, energy in centi-kWh ↔ kWh with 2 decimals, prices in 1/10,000 CNY per kWh.
 */
public final class Amounts {

    private Amounts() {
    }

    /** fen → CNY, 2 decimals. */
    public static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    /** CNY (at most 2 decimals, as numeric(12,2) columns are) → fen. */
    public static long fen(BigDecimal yuan) {
        return yuan.setScale(2, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }

    /** centi-kWh → kWh, 2 decimals. */
    public static BigDecimal kwh(long centiKwh) {
        return BigDecimal.valueOf(centiKwh, 2);
    }

    /** kWh (at most 2 decimals) → centi-kWh. */
    public static long centiKwh(BigDecimal kwh) {
        return kwh.setScale(2, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }

    /** A price in 1/10,000 CNY per kWh → CNY per kWh, 4 decimals. */
    public static BigDecimal pricePerKwh(long tenThousandths) {
        return BigDecimal.valueOf(tenThousandths, 4);
    }

    /** A price times a ratio in 1/1,000 (peak, valley) → CNY per kWh, rounded half up to 4 decimals. */
    public static BigDecimal pricePerKwh(long tenThousandths, long ratioMilli) {
        return BigDecimal.valueOf(tenThousandths * ratioMilli, 7).setScale(4, RoundingMode.HALF_UP);
    }
}
