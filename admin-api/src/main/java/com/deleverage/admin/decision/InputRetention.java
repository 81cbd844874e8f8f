package com.deleverage.admin.decision;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * Keeps a decision's input for {@code deleveraging.decision-log.input-retention} (zero keeps it
 * forever), then removes it; the decision, its input hash and its version stay for good.
 * A decision whose input is gone can no longer be replayed.
 */
@Singleton
public class InputRetention {
    private static final Logger LOG = LoggerFactory.getLogger(InputRetention.class);

    private final DecisionLogRepository log;
    private final Clock clock;
    private final Duration retention;

    public InputRetention(DecisionLogRepository log, Clock clock,
                          DecisionLogProperties properties) {
        this.log = log;
        this.clock = clock;
        this.retention = properties.inputRetention();
    }

    @Scheduled(fixedDelay = "${deleveraging.decision-log.retention-check}", initialDelay = "1m")
    public int purge() {
        if (retention.isZero() || retention.isNegative()) {
            return 0;
        }
        int purged = log.purgeInputsBefore(clock.instant().minus(retention));
        if (purged > 0) {
            LOG.info("decision log: removed the input of {} decisions older than {}", purged, retention);
        }
        return purged;
    }
}
