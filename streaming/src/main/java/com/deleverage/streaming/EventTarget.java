package com.deleverage.streaming;

import com.deleverage.engine.live.AccountEvent;
import com.deleverage.engine.live.EventOutcome;
import com.deleverage.engine.live.MarketEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;

/**
 * A book the input topics' records apply to (a whole book, or one stage's), and how a record is applied and counted:
 * a malformed record is skipped, a refused event stays out of the book, a redelivered one is applied once.
 */
record EventTarget(String marketTopic, Function<AccountEvent, EventOutcome> accounts,
                   Function<MarketEvent, EventOutcome> markets) {
    private static final Logger LOG = LoggerFactory.getLogger(EventTarget.class);

    /**
     * Applies one record.
     *
     * @param stats where to count it, or null while rebuilding (replayed events were counted when first read)
     * @return the market event, when the record was one the book applied; else null
     */
    MarketEvent apply(ConsumerRecord<String, String> r, StreamStats stats) {
        boolean market = r.topic().equals(marketTopic);
        EventOutcome outcome;
        MarketEvent move = null;
        try {
            if (market) {
                move = EventJson.market(r.value());
                outcome = markets.apply(move);
            } else {
                outcome = accounts.apply(EventJson.account(r.value()));
            }
        } catch (EventJson.MalformedEventException e) {
            if (stats != null) {
                stats.malformed.incrementAndGet();
                LOG.warn("skipped a malformed event at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
            }
            return null;
        }
        if (stats != null) {
            switch (outcome.kind()) {
                case APPLIED -> stats.applied.incrementAndGet();
                case DUPLICATE -> stats.duplicates.incrementAndGet();
                case REFUSED -> {
                    stats.refused.incrementAndGet();
                    LOG.info("refused event at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), outcome.detail());
                }
            }
        }
        return outcome.kind() == EventOutcome.Kind.APPLIED ? move : null;
    }
}
