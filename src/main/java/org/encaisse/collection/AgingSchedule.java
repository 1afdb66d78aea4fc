package org.encaisse.collection;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** When the daily aging runs, for the timer of AgingRunProcess: {@code ENCAISSE_AGING_CRON}, 6:00 by default. */
@Component("agingSchedule")
public class AgingSchedule {

    private final String cron;

    AgingSchedule(@Value("${encaisse.aging.cron:0 0 6 * * ?}") String cron) {
        this.cron = cron;
    }

    public String getCron() {
        return cron;
    }
}
