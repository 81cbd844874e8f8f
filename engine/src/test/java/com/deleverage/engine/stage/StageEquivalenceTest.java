package com.deleverage.engine.stage;

import com.deleverage.engine.action.Action;
import com.deleverage.engine.action.AutoDeleverage;
import com.deleverage.engine.action.InsuranceFundDraw;
import com.deleverage.engine.action.Liquidate;
import com.deleverage.engine.action.SocializeLoss;
import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.compile.RuleSetCompiler;
import com.deleverage.engine.evaluate.DecidedAction;
import com.deleverage.engine.evaluate.EvaluationLimits;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.live.AccountEvent;
import com.deleverage.engine.live.EventBook;
import com.deleverage.engine.live.EventOutcome;
import com.deleverage.engine.live.MarketEvent;
import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.InsuranceFund;
import com.deleverage.engine.model.Market;
import com.deleverage.engine.model.Position;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.policy.PolicyFiles;
import com.deleverage.engine.registry.ActiveVersions;
import com.deleverage.engine.scenario.Scenario;
import com.deleverage.engine.scenario.ScenarioReader;
import com.deleverage.engine.sweep.SweepBooks;
import com.deleverage.engine.sweep.SweepOptions;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of the stage split: the actions of the account stages of any partition of the accounts plus those of
 * the market stages of any partition of the markets are, as a multiset, the actions of one fresh evaluation of the
 * same book with the same version.
 */
class StageEquivalenceTest {
    static final Map<String, String> REFERENCE = PolicyFiles.fromDirectory(Path.of("..", "rules", "deleveraging"));
    static final Map<String, String> BINANCE = PolicyFiles.overlay(REFERENCE,
            PolicyFiles.fromDirectory(Path.of("..", "rules", "variants", "adl-binance-ranking")));
    static final SweepOptions OPTIONS = new SweepOptions(new EvaluationLimits(10_000_000, Duration.ofMinutes(1)), 1);
    final Evaluator evaluator = new Evaluator(OPTIONS.limits());

    static CompiledVersion compile(Map<String, String> files, int version) {
        return new RuleSetCompiler().compile("deleveraging", version, files).compiledVersion()
                .orElseThrow(() -> new IllegalStateException("the policy does not compile"));
    }

    @Test
    void everyReferenceScenarioDecidesTheSameStagedAsInOneEvaluation() {
        assertEveryScenarioStagesEquivalently(REFERENCE);
    }

    @Test
    void everyBinanceVariantScenarioDecidesTheSameStagedAsInOneEvaluation() {
        assertEveryScenarioStagesEquivalently(BINANCE);
    }

    private void assertEveryScenarioStagesEquivalently(Map<String, String> files) {
        ActiveVersions registry = new ActiveVersions();
        CompiledVersion version = compile(files, 1);
        registry.activate(version);
        int scenarios = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (!ScenarioReader.isScenarioFile(file.getKey())) {
                continue;
            }
            for (Scenario scenario : new ScenarioReader().read(file.getKey(), file.getValue())) {
                Snapshot given = scenario.given();
                Snapshot book = new Snapshot("deleveraging", given.asOf(), given.markets(), given.insuranceFunds(),
                        given.accounts());
                List<Action> expected = actions(evaluator.evaluate(version, book).actions());
                for (int accountParts : new int[]{1, 3}) {
                    for (int marketParts : new int[]{1, 2}) {
                        assertThat(staged(registry, book, book.asOf(), accountParts, marketParts))
                                .as("%s %s, %d account and %d market partitions", file.getKey(), scenario.name(),
                                        accountParts, marketParts)
                                .containsExactlyInAnyOrderElementsOf(expected);
                    }
                }
                scenarios++;
            }
        }
        assertThat(scenarios).isGreaterThan(1);
    }

    /**
     * A crash book of 400 positions tilted long (eleven accounts in twelve hold only longs) whose funds hold 1,000
     * USDT each, 3% below its opening marks: the bankrupt longs' deficits pass the funds, the few shorts cannot
     * take them all over, and the longs still in profit (entries up to 4% under the old mark) share the rest.
     */
    static Snapshot crash() {
        Snapshot book = SweepBooks.book(400, 11);
        List<Account> tilted = new ArrayList<>();
        for (int i = 0; i < book.accounts().size(); i++) {
            Account a = book.accounts().get(i);
            boolean longOnly = i % 12 != 0;
            tilted.add(new Account(a.id(), a.walletBalance(), a.marginMode(), a.positions().stream()
                    .map(p -> longOnly ? new Position(p.symbol(), p.quantity().abs(), p.entryPrice(), p.leverage(),
                            p.isolatedMargin()) : p).toList()));
        }
        List<InsuranceFund> funds = book.insuranceFunds().stream()
                .map(f -> new InsuranceFund(f.symbol(), new BigDecimal("1000"), new BigDecimal("1000"))).toList();
        Snapshot small = new Snapshot(book.ruleSet(), book.asOf(), book.markets(), funds, tilted);
        return SweepBooks.at(small, SweepBooks.moved(new BigDecimal("-0.03")), book.asOf());
    }

    @Test
    void aCrashWithDeleveragingAndSocialisedLossDecidesTheSameStaged() {
        ActiveVersions registry = new ActiveVersions();
        CompiledVersion version = compile(REFERENCE, 1);
        registry.activate(version);
        Snapshot book = crash();
        List<Action> expected = actions(evaluator.evaluate(version, book).actions());
        assertThat(expected).as("the crash exercises every settlement")
                .anyMatch(Liquidate.class::isInstance).anyMatch(InsuranceFundDraw.class::isInstance)
                .anyMatch(AutoDeleverage.class::isInstance).anyMatch(SocializeLoss.class::isInstance);
        for (int accountParts : new int[]{1, 3}) {
            for (int marketParts : new int[]{1, 2}) {
                assertThat(staged(registry, book, book.asOf(), accountParts, marketParts))
                        .as("%d account and %d market partitions", accountParts, marketParts)
                        .containsExactlyInAnyOrderElementsOf(expected);
            }
        }
    }

    /**
     * An account stage ranks only its partition, but its ranks keep the accounts' order of the whole book: its
     * actions come in the order one evaluation gives the same actions.
     */
    @Test
    void anAccountStageDecidesInTheOrderOfOneEvaluation() {
        ActiveVersions registry = new ActiveVersions();
        CompiledVersion version = compile(REFERENCE, 1);
        registry.activate(version);
        Snapshot book = crash();
        List<Action> whole = actions(evaluator.evaluate(version, book).actions());
        for (int part = 0; part < 3; part++) {
            Predicate<String> owns = inPart(3, part);
            try (AccountStage stage = new AccountStage(book, registry, OPTIONS, 100, owns)) {
                List<Action> staged = actions(stage.tick(book.asOf()).actions());
                assertThat(staged).as("partition %d", part).isNotEmpty()
                        .containsExactlyElementsOf(whole.stream().filter(staged::contains).toList());
            }
        }
    }

    /**
     * Stages that live on events decide, tick after tick, what one evaluation of the same book decides: a new account
     * opens a position, an account closes one, a bankrupt account gets a deposit, BTC falls another 1%.
     */
    @Test
    void afterAccountAndMarketEventsTheStagesStillDecideWhatOneEvaluationDecides() {
        ActiveVersions registry = new ActiveVersions();
        CompiledVersion version = compile(REFERENCE, 1);
        registry.activate(version);
        Snapshot opening = crash();
        EventBook expected = new EventBook(opening, 100);
        List<AccountStage> accountStages = new ArrayList<>();
        for (int part = 0; part < 3; part++) {
            accountStages.add(new AccountStage(opening, registry, OPTIONS, 100, inPart(3, part)));
        }
        List<MarketStage> marketStages = marketStages(registry, opening, 2);
        Map<String, AccountHandover> sent = new HashMap<>();
        Instant at = opening.asOf();
        assertThat(tick(accountStages, marketStages, at, sent))
                .containsExactlyInAnyOrderElementsOf(actions(evaluator.evaluate(version, expected.snapshot(at)).actions()));

        at = at.plusSeconds(1);
        Account closing = opening.accounts().get(5);
        Position closed = closing.positions().getFirst();
        String bankrupt = sent.values().stream()
                .filter(h -> h.facts().stream().anyMatch(f -> f.type().equals("LiquidationPlan")))
                .map(AccountHandover::accountId).sorted().findFirst().orElseThrow();
        BigDecimal btcMark = opening.markets().getFirst().markPrice();
        List<AccountEvent> accountEvents = List.of(
                new AccountEvent.Transfer("deposit-new", "acct-new", at, new BigDecimal("20000")),
                new AccountEvent.Fill("open-new", "acct-new", at, "BTCUSDT", new BigDecimal("2"), btcMark, null),
                new AccountEvent.Fill("close", closing.id(), at, closed.symbol(), closed.quantity().negate(),
                        opening.markets().stream().filter(m -> m.symbol().equals(closed.symbol())).findFirst()
                                .orElseThrow().markPrice(), null),
                new AccountEvent.Transfer("rescue", bankrupt, at, new BigDecimal("50000")));
        MarketEvent fall = new MarketEvent("btc-fall", "BTCUSDT", at, btcMark.multiply(new BigDecimal("0.99")), null,
                null, null, null, null);
        for (AccountEvent event : accountEvents) {
            assertThat(expected.apply(event).kind()).as(event.eventId()).isEqualTo(EventOutcome.Kind.APPLIED);
            for (int part = 0; part < 3; part++) {
                if (inPart(3, part).test(event.account())) {
                    assertThat(accountStages.get(part).apply(event).kind()).isEqualTo(EventOutcome.Kind.APPLIED);
                }
            }
            marketStages.forEach(stage -> assertThat(stage.apply(event).kind()).isEqualTo(EventOutcome.Kind.APPLIED));
        }
        assertThat(expected.apply(fall).kind()).isEqualTo(EventOutcome.Kind.APPLIED);
        accountStages.forEach(stage -> assertThat(stage.apply(fall).kind()).isEqualTo(EventOutcome.Kind.APPLIED));
        marketStages.forEach(stage -> assertThat(stage.apply(fall).kind()).isEqualTo(EventOutcome.Kind.APPLIED));
        assertThat(marketStages.getFirst().apply(fall).kind()).as("a redelivery").isEqualTo(EventOutcome.Kind.DUPLICATE);

        List<Action> oneEvaluation = actions(evaluator.evaluate(version, expected.snapshot(at)).actions());
        assertThat(oneEvaluation).as("the rescued account is no longer liquidated").noneMatch(a -> a.account() != null
                && a.account().equals(bankrupt) && a instanceof Liquidate);
        assertThat(tick(accountStages, marketStages, at, sent)).containsExactlyInAnyOrderElementsOf(oneEvaluation);
    }

    /** The actions of the stages of one tick: account stages over {@code accountParts} sets, then market stages. */
    private static List<Action> staged(ActiveVersions registry, Snapshot book, Instant at, int accountParts,
                                       int marketParts) {
        List<AccountStage> accountStages = new ArrayList<>();
        for (int part = 0; part < accountParts; part++) {
            accountStages.add(new AccountStage(book, registry, OPTIONS, 100, inPart(accountParts, part)));
        }
        List<MarketStage> marketStages = marketStages(registry, book, marketParts);
        return tick(accountStages, marketStages, at);
    }

    private static List<MarketStage> marketStages(ActiveVersions registry, Snapshot book, int marketParts) {
        List<String> symbols = book.markets().stream().map(Market::symbol).sorted().toList();
        List<MarketStage> stages = new ArrayList<>();
        for (int part = 0; part < marketParts; part++) {
            int owner = part;
            stages.add(new MarketStage(book, registry, OPTIONS, 100,
                    symbol -> symbols.indexOf(symbol) % marketParts == owner));
        }
        return stages;
    }

    private static List<Action> tick(List<AccountStage> accountStages, List<MarketStage> marketStages, Instant at) {
        return tick(accountStages, marketStages, at, new HashMap<>());
    }

    /**
     * One tick of every stage: the account stages first, their hand-overs sent to every market stage as text (an
     * account handed over at the previous tick, {@code sent}, that has none now is sent an empty hand-over), then
     * the market stages.
     */
    private static List<Action> tick(List<AccountStage> accountStages, List<MarketStage> marketStages, Instant at,
                                     Map<String, AccountHandover> sent) {
        List<Action> actions = new ArrayList<>();
        Map<String, AccountHandover> handovers = new HashMap<>();
        int version = 0;
        for (AccountStage stage : accountStages) {
            StageTick tick = stage.tick(at);
            version = tick.version();
            actions.addAll(actions(tick.actions()));
            tick.handovers().forEach((account, handover) -> {
                assertThat(handovers).as("an account is in one partition").doesNotContainKey(account);
                handovers.put(account, HandoverJson.read(HandoverJson.write(handover))); // as it crosses the network
            });
        }
        sent.keySet().stream().filter(account -> !handovers.containsKey(account))
                .forEach(account -> handovers.put(account, new AccountHandover(account, List.of())));
        for (MarketStage stage : marketStages) {
            handovers.values().forEach(stage::handover);
            actions.addAll(actions(stage.tick(at, version).orElseThrow().actions()));
        }
        sent.clear();
        handovers.forEach((account, handover) -> {
            if (!handover.facts().isEmpty()) {
                sent.put(account, handover);
            }
        });
        return actions;
    }

    static Predicate<String> inPart(int parts, int part) {
        return account -> Math.floorMod(account.hashCode(), parts) == part;
    }

    static List<Action> actions(List<DecidedAction> decided) {
        return decided.stream().map(DecidedAction::action).toList();
    }
}
