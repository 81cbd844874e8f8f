package com.deleverage.streaming;

import com.deleverage.engine.live.LiveBook;
import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Market;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.registry.ActiveVersions;
import com.deleverage.engine.sweep.SweepOptions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A reproducible stream of events over an opening book, in rounds: account events (fills of existing and new
 * accounts, deposits, withdrawals; some of them refused by the book, as a venue would), then one mark-price move
 * of every market. Tests and drills send it and compare what the nodes decide with a fresh evaluation.
 */
public final class StreamScript {
    /** One event: its topic kind, key and JSON. */
    public record Event(boolean market, String key, String json, Instant at) {
    }

    /** The events of one round: account events first, then the market moves that end the round with a tick. */
    public record Round(List<Event> accountEvents, List<Event> marketEvents) {
    }

    private StreamScript() {
    }

    /**
     * The book after every event of the rounds, at the time of the last market move: what a node's last tick
     * evaluates, built by the engine's {@link LiveBook} (whose every tick equals a fresh evaluation).
     */
    public static Snapshot bookAfter(Snapshot opening, List<Round> rounds) {
        Instant at = opening.asOf();
        try (LiveBook book = new LiveBook(opening, new ActiveVersions(), SweepOptions.DEFAULT, 1_000_000)) {
            for (Round round : rounds) {
                round.accountEvents().forEach(e -> book.apply(EventJson.account(e.json())));
                for (Event e : round.marketEvents()) {
                    book.apply(EventJson.market(e.json()));
                    at = e.at();
                }
            }
            return book.snapshot(at);
        }
    }

    public static List<Round> rounds(Snapshot opening, long seed, int rounds, int accountEventsPerRound) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, BigDecimal> marks = new LinkedHashMap<>();
        opening.markets().forEach(m -> marks.put(m.symbol(), m.markPrice()));
        List<String> symbols = opening.markets().stream().map(Market::symbol).toList();
        List<Account> accounts = opening.accounts();
        Instant at = opening.asOf();
        int id = 0;
        List<Round> out = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            List<Event> accountEvents = new ArrayList<>();
            for (int e = 0; e < accountEventsPerRound; e++) {
                at = at.plusMillis(10);
                String eventId = "s" + seed + "-" + (id++);
                int kind = random.nextInt(10);
                if (kind == 0) {
                    String account = "new-" + seed + "-" + random.nextInt(20);
                    accountEvents.add(new Event(false, account, EventTexts.transfer(eventId, account, at,
                            BigDecimal.valueOf(500 + random.nextInt(5_000))), at));
                    continue;
                }
                Account a = accounts.get(random.nextInt(accounts.size()));
                if (kind == 1) {
                    BigDecimal amount = BigDecimal.valueOf(random.nextInt(-3_000, 3_000));
                    accountEvents.add(new Event(false, a.id(), EventTexts.transfer(eventId, a.id(), at,
                            amount.signum() == 0 ? BigDecimal.ONE : amount), at));
                    continue;
                }
                String symbol = symbols.get(random.nextInt(symbols.size()));
                BigDecimal mark = marks.get(symbol);
                BigDecimal price = mark.multiply(BigDecimal.valueOf(995 + random.nextInt(10), 3)).setScale(4, RoundingMode.HALF_EVEN);
                BigDecimal quantity = BigDecimal.valueOf(200 + random.nextInt(20_000)).divide(mark, 3, RoundingMode.HALF_EVEN)
                        .max(new BigDecimal("0.001"));
                if (random.nextBoolean()) {
                    quantity = quantity.negate();
                }
                BigDecimal margin = a.marginMode() == MarginMode.ISOLATED
                        ? quantity.abs().multiply(price).divide(BigDecimal.TEN, 2, RoundingMode.HALF_EVEN) : null;
                accountEvents.add(new Event(false, a.id(), EventTexts.fill(eventId, a.id(), at, symbol, quantity, price, margin), at));
            }
            at = at.plusSeconds(1);
            List<Event> marketEvents = new ArrayList<>();
            for (String symbol : symbols) {
                BigDecimal factor = BigDecimal.valueOf(982 + random.nextInt(30), 3); // -1.8% to +1.1%
                BigDecimal mark = marks.get(symbol).multiply(factor).setScale(4, RoundingMode.HALF_EVEN);
                marks.put(symbol, mark);
                marketEvents.add(new Event(true, symbol, EventTexts.markPrice("s" + seed + "-" + (id++), symbol, at, mark), at));
            }
            out.add(new Round(accountEvents, marketEvents));
        }
        return out;
    }
}
