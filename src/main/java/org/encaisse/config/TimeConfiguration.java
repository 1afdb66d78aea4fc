package org.encaisse.config;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class TimeConfiguration {

    /**
     * One time source for the domain and the engine: days late, due dates and timers all read the
     * engine's clock, in the creditor's time zone, so moving it (in a test, say) moves everything.
     */
    @Bean
    Clock clock(@Value("${encaisse.time-zone:Europe/Paris}") String zone) {
        return new EngineClock(ZoneId.of(zone));
    }

    private static final class EngineClock extends Clock {

        private final ZoneId zone;

        EngineClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new EngineClock(other);
        }

        @Override
        public Instant instant() {
            return ClockUtil.getCurrentTime().toInstant();
        }
    }
}
