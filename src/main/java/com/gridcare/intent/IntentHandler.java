package com.gridcare.intent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.billing.BillDetail;
import com.gridcare.billing.BillingService;
import com.gridcare.binding.AccountAccess;
import com.gridcare.binding.BindingService;
import com.gridcare.binding.BoundAccount;
import com.gridcare.common.ProblemException;
import com.gridcare.consumption.ConsumptionService;
import com.gridcare.consumption.MonthlyConsumption;
import com.gridcare.outage.CustomerOutages;
import com.gridcare.outage.OutageDetection;
import com.gridcare.outage.OutageService;
import com.gridcare.outage.OutageSummary;

import io.smallrye.mutiny.Uni;

/**
 * Runs an intent for a resident, whichever channel they ask on (the app's bot, WeChat's chat or menu): my outage, my
 * bill, my usage are read off the account, through {@link AccountAccess} like every account-scoped read. Reporting a
 * fault and asking for a person have nothing to read: each channel does those its own way. A resident who writes that
 * their power is out, where no outage is known, is also a fault report for {@link OutageDetection}; pressing the menu's
 * outage button only asks.
 */
@ApplicationScoped
public class IntentHandler {

    /** Account numbers (户号) are 8 to 16 digits; shorter runs are amounts, dates or 95598. */
    private static final Pattern ACCOUNT_NO = Pattern.compile("(?<!\\d)\\d{8,16}(?!\\d)");
    /** Months of usage read for the last month's change over the one before. */
    private static final int USAGE_MONTHS = 12;

    private final BindingService bindings;
    private final AccountAccess access;
    private final BillingService billing;
    private final ConsumptionService consumption;
    private final OutageService outages;
    private final OutageDetection detection;
    private final AnswerTexts texts;

    public IntentHandler(BindingService bindings, AccountAccess access, BillingService billing,
            ConsumptionService consumption, OutageService outages, OutageDetection detection, AnswerTexts texts) {
        this.bindings = bindings;
        this.access = access;
        this.billing = billing;
        this.consumption = consumption;
        this.outages = outages;
        this.detection = detection;
        this.texts = texts;
    }

    /**
     * @param accountNo the account asked about; empty for the resident's only bound account (a resident with several
     *        is asked which one they mean)
     * @param residentId the resident; empty for an anonymous caller or a follower who never became one
     */
    public Uni<IntentAnswer> answer(Intent intent, Optional<String> accountNo, Optional<Long> residentId) {
        return answer(intent, accountNo, residentId, false);
    }

    /** As {@link #answer}, for what the resident wrote to the bot: "停电了" there also reports the fault. */
    public Uni<IntentAnswer> answerMessage(Intent intent, Optional<String> accountNo, Optional<Long> residentId) {
        return answer(intent, accountNo, residentId, true);
    }

    private Uni<IntentAnswer> answer(Intent intent, Optional<String> accountNo, Optional<Long> residentId,
            boolean written) {
        if (!intent.accountScoped()) {
            return Uni.createFrom().item(IntentAnswer.channel(intent));
        }
        if (residentId.isEmpty()) {
            return Uni.createFrom().item(IntentAnswer.noAccount(intent));
        }
        long resident = residentId.get();
        if (accountNo.isPresent()) {
            return answer(intent, resident, accountNo.get(), written);
        }
        return bindings.accounts(resident).chain(bound -> switch (bound.size()) {
            case 0 -> Uni.createFrom().item(IntentAnswer.noAccount(intent));
            case 1 -> answer(intent, resident, bound.get(0).accountNo(), written);
            default -> Uni.createFrom().item(IntentAnswer.answered(intent, which(bound)));
        });
    }

    /**
     * The account number a resident wrote in their question ("0301000001 我这个月电费多少"): how they answer "which account?"
     * in a chat, where nothing else carries it.
     */
    public static Optional<String> accountMentioned(String question) {
        Matcher number = ACCOUNT_NO.matcher(question);
        return number.find() ? Optional.of(number.group()) : Optional.empty();
    }

    /** Answering about the first of several accounts would as often be about the wrong one: the resident chooses. */
    private String which(List<BoundAccount> bound) {
        String listed = bound.stream()
                .map(account -> account.label() == null || account.label().isBlank() ? account.accountNo()
                        : texts.text("account.which.labelled", account.accountNo(), account.label()))
                .collect(Collectors.joining(texts.text("account.which.separator")));
        return texts.text("account.which", bound.size(), listed, bound.get(0).accountNo());
    }

    private Uni<IntentAnswer> answer(Intent intent, long resident, String accountNo, boolean written) {
        return access.customerIdFor(resident, accountNo).map(Optional::of)
                .onFailure(failure -> failure instanceof ProblemException problem && problem.status() == 404)
                .recoverWithItem(Optional.empty())
                .chain(customer -> customer.isEmpty()
                        ? Uni.createFrom().item(texts.text("account.not-yours", accountNo))
                        : read(intent, accountNo, customer.get(), written))
                .map(text -> IntentAnswer.answered(intent, text));
    }

    private Uni<String> read(Intent intent, String accountNo, long customer, boolean written) {
        return switch (intent) {
            case OUTAGE_MINE -> outages.forCustomer(customer)
                    .chain(found -> written ? reported(customer, found) : Uni.createFrom().item(found))
                    .map(found -> outage(accountNo, found));
            case BILL_MINE -> billing.latestBill(customer).map(bill -> bill.map(b -> bill(accountNo, b))
                    .orElseGet(() -> texts.text("bill.none", accountNo)));
            case USAGE_MINE -> consumption.monthly(customer, USAGE_MONTHS).map(monthly -> usage(accountNo, monthly));
            default -> throw new IllegalStateException("not read off an account: " + intent);
        };
    }

    /**
     * Where no outage is known the resident's words are a fault report; when it makes detection open a suspected
     * outage (or find one just opened), the answer is read again so that it says so, as the lookups will.
     */
    private Uni<CustomerOutages> reported(long customer, CustomerOutages found) {
        if (found.current() != null || found.suspected() != null) {
            return Uni.createFrom().item(found);
        }
        return detection.faultReported(customer, OutageDetection.Source.CHAT)
                .chain(detected -> detected.outageId().isPresent() ? outages.forCustomer(customer)
                        : Uni.createFrom().item(found));
    }

    private String outage(String accountNo, CustomerOutages found) {
        if (found.current() != null) {
            OutageSummary o = found.current();
            return texts.text("outage.current", accountNo, o.description(), texts.restore(o));
        }
        if (found.suspected() != null) {
            return texts.text("outage.suspected", accountNo);
        }
        if (!found.planned().isEmpty()) {
            OutageSummary o = found.planned().get(0);
            return texts.text("outage.planned", accountNo, texts.time(o.startsAt()), o.description(),
                    texts.restore(o));
        }
        return texts.text("outage.none", accountNo);
    }

    private String bill(String accountNo, BillDetail bill) {
        if ("PAID".equals(bill.status())) {
            return texts.text("bill.paid", accountNo, bill.period(), yuan(bill.totalAmount()),
                    bill.kwh().toPlainString());
        }
        String key = "OVERDUE".equals(bill.status()) ? "bill.overdue" : "bill.open";
        return texts.text(key, accountNo, bill.period(), yuan(bill.totalAmount()), bill.kwh().toPlainString(),
                yuan(bill.amountDueNow()), bill.dueDate().toString());
    }

    private String usage(String accountNo, MonthlyConsumption monthly) {
        MonthlyConsumption.MonthUsage last = monthly.series().get(monthly.series().size() - 1);
        if (last.kwh() == null) {
            return texts.text("consumption.none", accountNo, last.period());
        }
        BigDecimal change = last.monthOnMonthPercent();
        String trend = change == null ? texts.text("consumption.change.unknown")
                : texts.text(change.signum() >= 0 ? "consumption.change.up" : "consumption.change.down",
                        change.abs().toPlainString());
        return texts.text("consumption.month", accountNo, last.period(), last.kwh().toPlainString(), trend);
    }

    private static String yuan(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
