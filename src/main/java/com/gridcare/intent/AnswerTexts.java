package com.gridcare.intent;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;

import com.gridcare.common.ResourceTexts;
import com.gridcare.common.TimeZoneConfig;
import com.gridcare.outage.OutageSummary;

/**
 * The Chinese texts of answers read off a resident's account, from {@value #RESOURCE} (UTF-8), with the way times
 * and restoration estimates are said: channels that speak of outages otherwise (WeChat's "near me") say them alike.
 */
@ApplicationScoped
public class AnswerTexts {

    static final String RESOURCE = "intent/messages.properties";

    private final ResourceTexts texts = ResourceTexts.load(RESOURCE);
    private final ZoneId zone;
    private final DateTimeFormatter dateTime;

    public AnswerTexts(TimeZoneConfig config) {
        this.zone = config.timeZone();
        this.dateTime = DateTimeFormatter.ofPattern(texts.text("format.date-time"));
    }

    String text(String key, Object... arguments) {
        return texts.text(key, arguments);
    }

    /** A time as residents read it, in the utility's time zone. */
    public String time(OffsetDateTime at) {
        return dateTime.format(at.atZoneSameInstant(zone));
    }

    /** When power is expected back, or that it is not known yet. */
    public String restore(OutageSummary outage) {
        return outage.estimatedRestoreAt() == null ? texts.text("outage.restore.unknown")
                : texts.text("outage.restore.at", time(outage.estimatedRestoreAt()));
    }
}
