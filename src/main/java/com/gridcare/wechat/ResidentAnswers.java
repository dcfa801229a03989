package com.gridcare.wechat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.billing.BillDetail;
import com.gridcare.billing.BillingService;
import com.gridcare.binding.ResidentAccounts;
import com.gridcare.binding.ResidentAccounts.Account;
import com.gridcare.common.GridcareConfig;
import com.gridcare.consumption.ConsumptionService;
import com.gridcare.consumption.MonthlyConsumption;
import com.gridcare.outage.CustomerOutages;
import com.gridcare.outage.NearbyOutage;
import com.gridcare.outage.OutageService;
import com.gridcare.outage.OutageSummary;

import io.smallrye.mutiny.Uni;

/**
 * The short Chinese answers to what a follower asks for, from the menu or in a message. Account-scoped answers are
 * about the resident's first bound account; a follower without one is asked to bind first.
 */
@ApplicationScoped
public class ResidentAnswers {

    /** Outages "near me": the radius WeChat's reported location is good for in a town. */
    static final int NEARBY_RADIUS_METERS = 2_000;
    private static final int NEARBY_SHOWN = 3;

    private final WeChatUsers users;
    private final ResidentAccounts residentAccounts;
    private final BillingService billing;
    private final ConsumptionService consumption;
    private final OutageService outages;
    private final WeChatTexts texts;
    private final String h5;
    private final ZoneId zone;
    private final DateTimeFormatter dateTime;

    public ResidentAnswers(WeChatUsers users, ResidentAccounts residentAccounts, BillingService billing,
            ConsumptionService consumption, OutageService outages, WeChatTexts texts, WeChatConfig wechat,
            GridcareConfig gridcare) {
        this.users = users;
        this.residentAccounts = residentAccounts;
        this.billing = billing;
        this.consumption = consumption;
        this.outages = outages;
        this.texts = texts;
        this.h5 = wechat.h5BaseUrl();
        this.zone = gridcare.timeZone();
        this.dateTime = DateTimeFormatter.ofPattern(texts.text("format.date-time"));
    }

    public Uni<String> answer(Intent intent, String appid, String openid) {
        if (!intent.accountScoped()) {
            return Uni.createFrom().item(linkAnswer(intent, appid));
        }
        return accounts(appid, openid).flatMap(accounts -> {
            if (accounts.isEmpty()) {
                return Uni.createFrom().item(texts.text("bind.required", bindLink(appid)));
            }
            Account account = accounts.get(0);
            return switch (intent) {
                case OUTAGE_STATUS -> outages.forCustomer(account.customerId()).map(o -> outageStatus(account, o));
                case LATEST_BILL -> billing.latestBill(account.customerId())
                        .map(bill -> bill.map(b -> bill(account, b))
                                .orElseGet(() -> texts.text("bill.none", account.accountNo())));
                case CONSUMPTION -> consumption.monthly(account.customerId(), 12).map(m -> consumption(account, m));
                default -> throw new IllegalStateException("not account-scoped: " + intent);
            };
        });
    }

    private Uni<List<Account>> accounts(String appid, String openid) {
        return users.residentOf(appid, openid).chain(resident -> resident.isEmpty()
                ? Uni.createFrom().item(List.<Account>of()) : residentAccounts.of(resident.get()));
    }

    public String welcome(String appid) {
        return texts.text("welcome", bindLink(appid));
    }

    public String scanned(String appid) {
        return texts.text("scan", bindLink(appid));
    }

    public Uni<String> outagesNear(double latitude, double longitude) {
        return nearby(latitude, longitude).map(found -> found.isEmpty()
                ? texts.text("nearby.none", String.valueOf(NEARBY_RADIUS_METERS))
                : nearbyText(found));
    }

    /** For WeChat's automatic location reports: something to say only when there is an outage near. */
    public Uni<String> outagesNearIfAny(double latitude, double longitude) {
        return nearby(latitude, longitude).map(found -> found.isEmpty() ? null : nearbyText(found));
    }

    private Uni<List<NearbyOutage>> nearby(double latitude, double longitude) {
        return outages.near(latitude, longitude, NEARBY_RADIUS_METERS);
    }

    private String nearbyText(List<NearbyOutage> found) {
        StringBuilder text = new StringBuilder(texts.text("nearby.header", String.valueOf(found.size())));
        for (NearbyOutage near : found.subList(0, Math.min(NEARBY_SHOWN, found.size()))) {
            OutageSummary o = near.outage();
            text.append('\n').append(texts.text(o.current() ? "nearby.current" : "nearby.planned",
                    near.nearestAreaName(), String.valueOf(near.distanceMeters()), time(o.startsAt()), restore(o)));
        }
        return text.toString();
    }

    private String linkAnswer(Intent intent, String appid) {
        return switch (intent) {
            case REPORT_FAULT -> texts.text("fault.report", h5 + "/repair");
            case SMART_SERVICE -> texts.text("faq.prompt");
            case HUMAN_AGENT -> texts.text("agent.handover");
            case REMINDER_SETTINGS -> texts.text("reminders.link", h5 + "/reminders");
            case BIND_ACCOUNT -> texts.text("bind.link", bindLink(appid));
            default -> throw new IllegalStateException("account-scoped: " + intent);
        };
    }

    private String outageStatus(Account account, CustomerOutages found) {
        if (found.current() != null) {
            OutageSummary o = found.current();
            return texts.text("outage.current", account.accountNo(), o.description(), restore(o));
        }
        if (!found.planned().isEmpty()) {
            OutageSummary o = found.planned().get(0);
            return texts.text("outage.planned", account.accountNo(), time(o.startsAt()), o.description(), restore(o));
        }
        return texts.text("outage.none", account.accountNo());
    }

    private String bill(Account account, BillDetail bill) {
        String period = bill.period();
        if ("PAID".equals(bill.status())) {
            return texts.text("bill.paid", account.accountNo(), period, yuan(bill.totalAmount()), bill.kwh().toPlainString());
        }
        String key = "OVERDUE".equals(bill.status()) ? "bill.overdue" : "bill.open";
        return texts.text(key, account.accountNo(), period, yuan(bill.totalAmount()), bill.kwh().toPlainString(),
                yuan(bill.amountDueNow()), bill.dueDate().toString());
    }

    private String consumption(Account account, MonthlyConsumption monthly) {
        MonthlyConsumption.MonthUsage last = monthly.series().get(monthly.series().size() - 1);
        if (last.kwh() == null) {
            return texts.text("consumption.none", account.accountNo(), last.period());
        }
        BigDecimal change = last.monthOnMonthPercent();
        String trend = change == null ? texts.text("consumption.change.unknown")
                : texts.text(change.signum() >= 0 ? "consumption.change.up" : "consumption.change.down",
                        change.abs().toPlainString());
        return texts.text("consumption.month", account.accountNo(), last.period(), last.kwh().toPlainString(), trend);
    }

    private String restore(OutageSummary outage) {
        return outage.estimatedRestoreAt() == null ? texts.text("outage.restore.unknown")
                : texts.text("outage.restore.at", time(outage.estimatedRestoreAt()));
    }

    private String time(OffsetDateTime at) {
        return dateTime.format(at.atZoneSameInstant(zone));
    }

    private static String yuan(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private String bindLink(String appid) {
        return h5 + "/bind?appid=" + appid;
    }
}
