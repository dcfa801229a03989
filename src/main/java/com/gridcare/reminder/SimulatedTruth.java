package com.gridcare.reminder;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the simulator's customers really do, never shown to the learned policy: per account the chance of paying on
 * time with no contact ({@code pNone}) and per channel the chance that a contact makes one who would not have paid on
 * time pay (NaN: the channel does not reach them).
 *
 * <p>Drawn when no file is given, from what the database says of each customer:
 * <ul>
 * <li>pNone: the share of their past bills paid by the due date, shrunk toward 95 % by two bills; 0.999 on prepaid or
 * bank auto-debit;</li>
 * <li>reach: SMS, voice and agent calls where there is a mobile, a staff visit always; WeChat (template; customer-service
 * messages only for the 15 % of followers who wrote in the last 48 hours), the app and e-mail drawn with chances that
 * follow how they pay (online payers mostly follow the official account, counter payers rarely) and, for e-mail, the
 * voltage class (most HV customers have one);</li>
 * <li>conversion: a base per channel and payment habit (WeChat and the app work for online payers, SMS and calls for
 * counter and agent payers, visits for everyone, e-mail for HV), times a customer's own log-normal factor
 * (σ = 0.5) per channel, at most 0.95.</li>
 * </ul>
 */
final class SimulatedTruth {

    static final List<String> HEADER = List.of("account_no", "p_none", "WECHAT_TEMPLATE", "WECHAT_CUSTOMER_SERVICE",
            "APP_PUSH", "SMS", "EMAIL", "VOICE_CALL", "AGENT_CALL", "STAFF_VISIT");

    /** A {@code --truth} file the command cannot use: the line (1 = the header) and why. */
    static final class TruthFileException extends Exception {
        TruthFileException(Path file, long line, String reason) {
            super(file + " line " + line + ": " + reason);
        }
    }

    final double[] pNone;
    final double[][] conversion;

    private SimulatedTruth(int customers) {
        pNone = new double[customers];
        conversion = new double[customers][ContactOption.count()];
    }

    static SimulatedTruth drawn(List<SimulatedCustomer> customers, long seed) {
        SimulatedTruth truth = new SimulatedTruth(customers.size());
        SplittableRandom random = new SplittableRandom(seed ^ 0x7275_7468L);
        for (int i = 0; i < customers.size(); i++) {
            SimulatedCustomer customer = customers.get(i);
            PaymentHabit habit = customer.habit();
            truth.pNone[i] = habit == PaymentHabit.AUTO_DEBIT || customer.prepaid() ? 0.999
                    : (customer.billsOnTime() + 2 * 0.95) / (customer.bills() + 2);
            double follows = switch (habit) {
                case ONLINE -> 0.8;
                case BANK, AUTO_DEBIT -> 0.5;
                case PREPAID -> 0.4;
                default -> 0.2;
            };
            double appUser = switch (habit) {
                case ONLINE -> 0.4;
                case BANK, AUTO_DEBIT, PREPAID -> 0.25;
                default -> 0.05;
            };
            boolean wechat = random.nextDouble() < (customer.highVoltage() ? 0.6 : follows);
            boolean inWindow = wechat && random.nextDouble() < 0.15;
            boolean app = random.nextDouble() < appUser;
            boolean email = random.nextDouble() < (customer.highVoltage() ? 0.8 : 0.15);
            boolean counterPayer = habit == PaymentHabit.COUNTER || habit == PaymentHabit.AGENT
                    || habit == PaymentHabit.PHONE;
            double online = habit == PaymentHabit.ONLINE ? 1 : counterPayer ? 0.3 : 0.6;
            double[] base = {
                    wechat ? 0.30 * online : Double.NaN,
                    inWindow ? 0.35 * online : Double.NaN,
                    app ? 0.15 * online : Double.NaN,
                    customer.hasMobile() ? (counterPayer ? 0.25 : 0.12) : Double.NaN,
                    email ? (customer.highVoltage() ? 0.20 : 0.04) : Double.NaN,
                    customer.hasMobile() ? (counterPayer ? 0.35 : 0.20) : Double.NaN,
                    customer.hasMobile() ? 0.45 : Double.NaN,
                    0.70 };
            for (int c = 0; c < base.length; c++) {
                truth.conversion[i][c] = Double.isNaN(base[c]) ? Double.NaN
                        : Math.min(0.95, base[c] * Math.exp(0.5 * gaussian(random) - 0.125));
            }
        }
        return truth;
    }

    /**
     * The drawn truth with the accounts of {@code file} replaced by the file's. The header must be exactly
     * {@link #HEADER}; an empty channel cell means the channel does not reach that account.
     */
    static SimulatedTruth read(Path file, List<SimulatedCustomer> customers, long seed)
            throws IOException, TruthFileException {
        SimulatedTruth truth = drawn(customers, seed);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < customers.size(); i++) {
            index.put(customers.get(i).accountNo(), i);
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            List<String> columns = header == null ? List.of() : Arrays.asList(header.strip().split(",", -1));
            if (!columns.equals(HEADER)) {
                List<String> unknown = columns.stream().filter(column -> !HEADER.contains(column)).toList();
                throw new TruthFileException(file, 1, unknown.isEmpty()
                        ? "the header must be " + String.join(",", HEADER)
                        : "unknown column " + String.join(", ", unknown) + "; the header must be "
                                + String.join(",", HEADER));
            }
            String line;
            long number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != HEADER.size()) {
                    throw new TruthFileException(file, number, "expected " + HEADER.size() + " cells, found "
                            + cells.length);
                }
                double pNone = probability(file, number, HEADER.get(1), cells[1], false);
                double[] conversion = new double[ContactOption.count()];
                for (int c = 0; c < conversion.length; c++) {
                    conversion[c] = probability(file, number, HEADER.get(c + 2), cells[c + 2], true);
                }
                Integer customer = index.get(cells[0].strip());
                if (customer == null) {
                    throw new TruthFileException(file, number, "unknown account " + cells[0].strip());
                }
                truth.pNone[customer] = pNone;
                truth.conversion[customer] = conversion;
            }
        }
        return truth;
    }

    boolean reaches(int customer, ContactOption option) {
        return !Double.isNaN(conversion[customer][option.ordinal()]);
    }

    private static double probability(Path file, long line, String column, String cell, boolean mayBeEmpty)
            throws TruthFileException {
        String text = cell.strip();
        if (text.isEmpty() && mayBeEmpty) {
            return Double.NaN;
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new TruthFileException(file, line, column + " is not a number: \"" + text + "\"");
        }
        if (!(value >= 0 && value <= 1)) {
            throw new TruthFileException(file, line, column + " = " + text + " is not a probability in [0, 1]");
        }
        return value;
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller; one of the pair is enough here
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
