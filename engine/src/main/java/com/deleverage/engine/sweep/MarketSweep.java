package com.deleverage.engine.sweep;

import com.deleverage.engine.compile.CompiledVersion;
import com.deleverage.engine.evaluate.AccountResult;
import com.deleverage.engine.evaluate.DeficitConservation;
import com.deleverage.engine.evaluate.EvaluationContext;
import com.deleverage.engine.evaluate.EvaluationFailedException;
import com.deleverage.engine.evaluate.Evaluator;
import com.deleverage.engine.evaluate.PositionResult;
import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.InsuranceFund;
import com.deleverage.engine.model.Market;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.registry.ActiveVersions;
import com.deleverage.engine.risk.AccountRisk;
import com.deleverage.engine.risk.MarketBook;
import com.deleverage.engine.risk.PositionRisk;
import com.deleverage.engine.risk.RiskAssessor;
import com.deleverage.engine.sandbox.PolicyLimitError;
import com.deleverage.engine.sandbox.Sandbox;
import com.deleverage.engine.snapshot.InvalidSnapshotException;
import com.deleverage.engine.snapshot.SnapshotValidator;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * A book kept resident in one session of a compiled version, evaluated again on every mark-price tick.
 *
 * <p>{@link #open} validates the book, assesses every account, inserts the markets, the funds, one
 * {@link MarketBook} per market and the accounts the version watches (with their positions) into one
 * session and fires the policy (tick 0). {@link #tick} then changes only what a price move changes: the
 * moved markets, the figures of the accounts holding them (recomputed in parallel), the books of the
 * markets those accounts hold, the watched accounts (inserted when they cross the watched ratio, deleted
 * when they fall back) and their ranks, each through its {@link FactHandle}, so Drools re-evaluates only
 * the rules that depend on them. The positions of unwatched accounts are assessed only when a rule or the
 * output reads them. The policy must be written for a long-lived session (see
 * {@code docs/reference-policy.md}, "Long-lived sessions"): facts it derives from the figures are logical
 * ({@code insertLogical}), so they are withdrawn when the figures change; facts it inserts with a plain
 * {@code insert} live for one tick, and the sweep withdraws them before the next; once-per-evaluation
 * bookkeeping joins on {@link EvaluationContext}, which every tick replaces. Under that contract a tick
 * decides the same actions, figures and ADL standings as a fresh evaluation of the book at the tick's marks.
 *
 * <p>The sweep holds a lease on its version for its whole life: activating another version retires this
 * one, but its knowledge base stays until the sweep is {@link #close() closed}. Ticks are sequential: one
 * sweep is used by one thread at a time. A tick that fails (a rule throws, a limit is hit) leaves the
 * session in an undefined state; the sweep refuses further ticks and must be reopened.
 */
public final class MarketSweep implements AutoCloseable {
    private static final int CHUNK = 2048;

    private final CompiledVersion.Lease lease;
    private final CompiledVersion version;
    private final SweepOptions options;
    private final ForkJoinPool pool;
    private final RiskAssessor assessor = new RiskAssessor();
    private final KieSession session;
    private final SweepMonitor monitor;
    private final String ruleSet;
    private final List<InsuranceFund> funds;
    private final Map<String, Market> markets = new LinkedHashMap<>();
    private final Map<String, FactHandle> marketHandles = new HashMap<>();
    private final Set<String> breakersFired = new LinkedHashSet<>(); // sessions the last decision changed
    private final Map<String, int[]> accountsByMarket = new HashMap<>();
    private final Map<String, int[]> positionsByMarket = new HashMap<>();
    private final Map<String, FactHandle> bookHandles = new HashMap<>();
    private final Account[] accounts;
    private final Map<String, Integer> accountIndex;
    private final int[] firstPosition;
    private final int[] ownerOf;
    private final AccountRisk[] accountRisk;
    private final FactHandle[] accountHandles;
    private final PositionRisk[] positionRisk;
    private final FactHandle[] positionHandles;
    private FactHandle contextHandle;
    private Instant asOf;
    private long ticks;
    private boolean broken;
    private boolean closed;
    private SweepResult last;
    private final Set<Integer> replaced = new LinkedHashSet<>(); // accounts replaced since the last tick
    private int[] bookRanks; // every account's rank over the whole book, computed when the output asks

    private MarketSweep(CompiledVersion.Lease lease, Snapshot book, SweepOptions options) {
        this.lease = lease;
        this.version = lease.version();
        this.options = options;
        this.pool = new ForkJoinPool(options.threads());
        this.ruleSet = book.ruleSet();
        this.funds = book.insuranceFunds();
        book.markets().forEach(m -> markets.put(m.symbol(), m));
        this.accounts = book.accounts().toArray(Account[]::new);
        this.accountIndex = new HashMap<>(accounts.length * 2);
        this.firstPosition = new int[accounts.length + 1];
        for (int i = 0; i < accounts.length; i++) {
            accountIndex.put(accounts[i].id(), i);
            firstPosition[i + 1] = firstPosition[i] + accounts[i].positions().size();
        }
        this.ownerOf = new int[firstPosition[accounts.length]];
        Map<String, List<Integer>> holders = new HashMap<>();
        Map<String, List<Integer>> held = new HashMap<>();
        for (int i = 0; i < accounts.length; i++) {
            for (int j = firstPosition[i]; j < firstPosition[i + 1]; j++) {
                String symbol = accounts[i].positions().get(j - firstPosition[i]).symbol();
                ownerOf[j] = i;
                holders.computeIfAbsent(symbol, s -> new ArrayList<>()).add(i);
                held.computeIfAbsent(symbol, s -> new ArrayList<>()).add(j);
            }
        }
        for (String symbol : markets.keySet()) {
            accountsByMarket.put(symbol, toArray(holders.get(symbol)));
            positionsByMarket.put(symbol, toArray(held.get(symbol)));
        }
        this.accountRisk = new AccountRisk[accounts.length];
        this.accountHandles = new FactHandle[accounts.length];
        this.positionRisk = new PositionRisk[firstPosition[accounts.length]];
        this.positionHandles = new FactHandle[positionRisk.length];
        this.session = version.kieBase().newKieSession();
        this.monitor = new SweepMonitor(version, session);
        session.addEventListener(monitor.budget());
        session.addEventListener(monitor);
    }

    private static int[] toArray(List<Integer> list) {
        return list == null ? new int[0] : list.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Opens a sweep of {@code book} with {@code version} and evaluates it (tick 0, at the book's marks and time). */
    public static MarketSweep open(CompiledVersion version, Snapshot book) {
        return open(version, book, SweepOptions.DEFAULT);
    }

    /**
     * Opens a sweep with a version the caller holds. The sweep takes its own lease, so the caller may retire
     * the version at any time.
     *
     * @throws IllegalStateException when the version is already disposed
     */
    public static MarketSweep open(CompiledVersion version, Snapshot book, SweepOptions options) {
        CompiledVersion.Lease lease = version.lease();
        if (lease == null) {
            throw new IllegalStateException(version + " is disposed: open the sweep with the active version");
        }
        return open(lease, book, options);
    }

    /** Opens a sweep with the active version of the book's rule set. */
    public static MarketSweep open(ActiveVersions registry, Snapshot book, SweepOptions options) {
        return open(registry.lease(book.ruleSet()), book, options);
    }

    private static MarketSweep open(CompiledVersion.Lease lease, Snapshot book, SweepOptions options) {
        MarketSweep sweep = null;
        try {
            new SnapshotValidator().requireValid(book);
            sweep = new MarketSweep(lease, book, Objects.requireNonNull(options, "options"));
            sweep.start(book.asOf());
            return sweep;
        } catch (RuntimeException e) {
            if (sweep != null) {
                sweep.close();
            } else {
                lease.close();
            }
            throw e;
        }
    }

    private void start(Instant at) {
        long start = System.nanoTime();
        asOf = at;
        int[] all = IntStream.range(0, accounts.length).toArray();
        boolean[] dirty = new boolean[accounts.length];
        Arrays.fill(dirty, true);
        AccountRisk[] fresh = assess(all);
        long assessed = System.nanoTime();
        monitor.startTick(options.limits(), assessed);
        int inserted = metered(() -> {
            contextHandle = session.insert(new EvaluationContext(version.ruleSet(), version.version(), at));
            markets.values().forEach(m -> marketHandles.put(m.symbol(), session.insert(m)));
            funds.forEach(session::insert);
            int count = apply(fresh, dirty, new PositionRisk[positionRisk.length]);
            fire();
            return count;
        });
        requireConservation();
        BreakerCarry.recordHalts(monitor.actions(), markets, breakersFired);
        last = result(markets.keySet(), accounts.length, positionRisk.length, inserted + markets.size(), start, assessed);
    }

    /**
     * Replaces an account of the book with a new state of itself (a fill that changes a position's size or entry,
     * a transfer, a margin-mode change): the next tick reassesses it with the moved markets' holders. The account
     * must hold positions in the same markets, in the same order: an account that opens or closes a position, or a
     * new account, changes the book's layout, which is fixed when the sweep opens (open a new sweep).
     *
     * @return false, changing nothing, when the account is not in the book or its markets differ
     */
    public boolean replaceAccount(Account account) {
        requireUsable();
        Integer i = accountIndex.get(account.id());
        if (i == null || !sameMarkets(accounts[i], account)) {
            return false;
        }
        accounts[i] = account;
        replaced.add(i);
        return true;
    }

    private static boolean sameMarkets(Account a, Account b) {
        if (a.positions().size() != b.positions().size()) {
            return false;
        }
        for (int k = 0; k < a.positions().size(); k++) {
            if (!a.positions().get(k).symbol().equals(b.positions().get(k).symbol())) {
                return false;
            }
        }
        return true;
    }

    /** The opening evaluation (tick 0). */
    public SweepResult opening() {
        return ticks == 0 ? last : null;
    }

    /** The result of the latest tick. */
    public SweepResult last() {
        return last;
    }

    /**
     * Moves mark prices and evaluates the book again. Markets not named keep their price; a price equal to
     * the current one is no move.
     *
     * @param markPrices new mark prices by market symbol (each &gt; 0, each a market of the book)
     * @param at         the tick's time, the policy's "now"
     * @throws IllegalArgumentException  for an unknown market or a price that is not positive
     * @throws EvaluationFailedException when the policy fails or hits a limit (the sweep is then unusable)
     */
    public SweepResult tick(Map<String, BigDecimal> markPrices, Instant at) {
        List<Market> moves = new ArrayList<>();
        markPrices.forEach((symbol, price) -> {
            Market m = markets.get(symbol);
            if (m == null) {
                throw new IllegalArgumentException("market " + symbol + " is not in the book");
            }
            if (price == null || price.signum() <= 0) {
                throw new IllegalArgumentException("mark price of " + symbol + " must be positive");
            }
            if (m.markPrice().compareTo(price) != 0) {
                moves.add(BreakerCarry.at(m.withMarkPrice(price), at)); // a new day: a new session from this mark
            }
        });
        return tick(moves, at);
    }

    /**
     * Replaces markets and evaluates the book again: each given market takes the place of the book's market
     * of its symbol, with its mark price and what the market-wide rules read (index price, open interest,
     * 1-hour move, realised volatility, funding premium). Markets not given stay as they are. The accounts
     * holding a market whose mark price changed are reassessed; a market whose other fields alone changed
     * is one fact update.
     *
     * @param moves markets of the book, each with the book's risk tiers
     * @param at    the tick's time, the policy's "now"
     * @throws IllegalArgumentException  for an unknown market or changed risk tiers (open a new sweep)
     * @throws InvalidSnapshotException  for a market the input rules refuse (a mark that is not positive,
     *                                   a market given twice, ...); the sweep stays usable
     * @throws EvaluationFailedException when the policy fails or hits a limit (the sweep is then unusable)
     */
    public SweepResult tick(Collection<Market> moves, Instant at) {
        Objects.requireNonNull(at, "asOf");
        requireUsable();
        oneTickRule().ifPresent(rule -> {
            throw new IllegalStateException("rule '" + rule + "' states a fact with a plain insert without joining on "
                    + "EvaluationContext(): an incremental tick would lose it; open a new sweep for every tick");
        });
        for (Market m : moves) {
            Market current = markets.get(m.symbol());
            if (current == null) {
                throw new IllegalArgumentException("market " + m.symbol() + " is not in the book");
            }
            if (!current.riskTiers().equals(m.riskTiers())) {
                throw new IllegalArgumentException("the risk tiers of " + m.symbol()
                        + " cannot change in a tick: open a new sweep with them");
            }
        }
        new SnapshotValidator().requireValid(new Snapshot(ruleSet, at, List.copyOf(moves), List.of(), List.of()));
        long start = System.nanoTime();
        broken = true; // until the tick completes
        ticks++;
        asOf = at;
        Set<String> changed = new LinkedHashSet<>();
        Set<String> moved = new LinkedHashSet<>();
        for (Market given : moves) {
            Market current = markets.get(given.symbol());
            Market m = BreakerCarry.onto(given, current);
            markets.put(m.symbol(), m);
            if (!m.equals(current)) {
                changed.add(m.symbol());
            }
            if (current.markPrice().compareTo(m.markPrice()) != 0) {
                moved.add(m.symbol());
            }
        }
        for (Market m : List.copyOf(markets.values())) {
            Market rolled = BreakerCarry.at(m, at);
            if (rolled != m) {
                markets.put(m.symbol(), rolled);
                changed.add(m.symbol());
            }
        }
        changed.addAll(breakersFired);
        breakersFired.clear();
        // Figures: only the accounts holding a moved market, or replaced, change; ranks may shift for everyone.
        boolean[] dirty = new boolean[accounts.length];
        int dirtyCount = replaced.size();
        replaced.forEach(i -> dirty[i] = true);
        replaced.clear();
        for (String symbol : moved) {
            for (int i : accountsByMarket.get(symbol)) {
                if (!dirty[i]) {
                    dirty[i] = true;
                    dirtyCount++;
                }
            }
        }
        int[] reassess = new int[dirtyCount];
        for (int i = 0, k = 0; i < accounts.length; i++) {
            if (dirty[i]) {
                reassess[k++] = i;
            }
        }
        PositionRisk[] previousPositions = positionRisk.clone();
        AccountRisk[] fresh = assess(reassess);
        int positionsReassessed = 0;
        for (int i : reassess) {
            positionsReassessed += firstPosition[i + 1] - firstPosition[i];
        }
        long assessed = System.nanoTime();

        monitor.startTick(options.limits(), assessed);
        int updated = metered(() -> {
            for (FactHandle handle : monitor.takeInserted()) {
                session.delete(handle, FactHandle.State.STATED); // a no-op for what insertLogical holds
            }
            int count = 0;
            for (String symbol : changed) {
                session.update(marketHandles.get(symbol), markets.get(symbol));
                count++;
            }
            count += apply(fresh, dirty, previousPositions);
            session.update(contextHandle, new EvaluationContext(version.ruleSet(), version.version(), at));
            fire();
            return count;
        });
        requireConservation();
        BreakerCarry.recordHalts(monitor.actions(), markets, breakersFired);
        broken = false;
        last = result(moved, dirtyCount, positionsReassessed, updated, start, assessed);
        return last;
    }

    /**
     * Brings the session in line with new figures: ranks the watched accounts, inserts the accounts that
     * became watched (with their positions), deletes those that no longer are, updates the watched ones whose
     * figures or rank changed, and replaces the market books. Returns the number of facts touched.
     *
     * @param fresh    new figures (rank not set) of the {@code dirty} accounts; other slots unused
     * @param previous each position's figures before the new assessment (null before the first)
     */
    private int apply(AccountRisk[] fresh, boolean[] dirty, PositionRisk[] previous) {
        bookRanks = null;
        List<AccountRisk> watched = new ArrayList<>();
        for (int i = 0; i < accounts.length; i++) {
            AccountRisk risk = dirty[i] ? fresh[i] : accountRisk[i];
            if (version.watches(risk)) {
                watched.add(risk);
            } else {
                accountRisk[i] = risk;
            }
        }
        // The watched accounts are the riskiest of the book (bankrupt, or at or above the watched ratio), so
        // their ranks among themselves are their ranks in the whole book: the others need no sort per tick.
        AccountRisk[] sorted = watched.toArray(AccountRisk[]::new);
        pool.submit(() -> Arrays.parallelSort(sorted, MarketSweep::riskiestFirst)).join();
        boolean[] nowWatched = new boolean[accounts.length];
        int touched = 0;
        for (int r = 0; r < sorted.length; r++) {
            AccountRisk a = sorted[r];
            int i = accountIndex.get(a.accountId());
            nowWatched[i] = true;
            AccountRisk ranked = a.riskRank() == r + 1 ? a : withRank(a, r + 1);
            boolean changed = !ranked.equals(accountRisk[i]);
            accountRisk[i] = ranked;
            if (accountHandles[i] == null) {
                accountHandles[i] = session.insert(ranked);
                for (int j = firstPosition[i]; j < firstPosition[i + 1]; j++) {
                    positionHandles[j] = session.insert(positionRisk[j]);
                }
                touched += 1 + firstPosition[i + 1] - firstPosition[i];
                continue;
            }
            if (changed) {
                session.update(accountHandles[i], ranked);
                touched++;
            }
            if (dirty[i]) {
                for (int j = firstPosition[i]; j < firstPosition[i + 1]; j++) {
                    if (!positionRisk[j].equals(previous[j])) {
                        session.update(positionHandles[j], positionRisk[j]);
                        touched++;
                    }
                }
            }
        }
        for (int i = 0; i < accounts.length; i++) {
            if (!nowWatched[i] && accountHandles[i] != null) {
                session.delete(accountHandles[i]);
                accountHandles[i] = null;
                for (int j = firstPosition[i]; j < firstPosition[i + 1]; j++) {
                    session.delete(positionHandles[j]);
                    positionHandles[j] = null;
                }
                touched += 1 + firstPosition[i + 1] - firstPosition[i];
            }
        }
        for (String symbol : markets.keySet()) {
            if (touchesAny(symbol, dirty)) {
                MarketBook book = book(symbol);
                FactHandle handle = bookHandles.get(symbol);
                if (handle == null) {
                    bookHandles.put(symbol, session.insert(book));
                } else {
                    session.update(handle, book);
                }
                touched++;
            }
        }
        return touched;
    }

    private boolean touchesAny(String symbol, boolean[] dirty) {
        if (!bookHandles.containsKey(symbol)) {
            return true;
        }
        for (int i : accountsByMarket.get(symbol)) {
            if (dirty[i]) {
                return true;
            }
        }
        return false;
    }

    /** The market's book at the current figures, its unwatched positions assessed when read. */
    private MarketBook book(String symbol) {
        int[] held = positionsByMarket.get(symbol);
        return new MarketBook(symbol, held.length, k -> positionOf(held[k]), k -> accountRisk[ownerOf[held[k]]]);
    }

    private static AccountRisk withRank(AccountRisk a, int rank) {
        return new AccountRisk(a.accountId(), a.marginMode(), a.walletBalance(), a.unrealizedPnl(), a.equity(),
                a.maintenanceMargin(), a.marginRatio(), a.bankrupt(), a.weakestPoolEquity(), rank, a.account());
    }

    /**
     * Assesses the given accounts (in parallel chunks) at the current marks and returns their figures by
     * account index (ranks not set). The positions of the accounts the version watches are assessed too,
     * into {@link #positionRisk}; those of the others are cleared, to be assessed when asked
     * ({@link #positionOf}): most of a book is never read between two ticks.
     */
    private AccountRisk[] assess(int[] which) {
        AccountRisk[] out = new AccountRisk[accounts.length];
        Map<String, Market> marks = Map.copyOf(markets);
        int chunks = (which.length + CHUNK - 1) / CHUNK;
        Runnable work = () -> IntStream.range(0, chunks).parallel().forEach(c -> {
            List<PositionRisk> positions = new ArrayList<>();
            for (int k = c * CHUNK; k < Math.min(which.length, (c + 1) * CHUNK); k++) {
                int i = which[k];
                AccountRisk figures = assessor.accountFigures(accounts[i], marks);
                if (version.watches(figures)) {
                    positions.clear();
                    figures = assessor.assessAccount(accounts[i], marks, positions);
                    for (int j = firstPosition[i]; j < firstPosition[i + 1]; j++) {
                        positionRisk[j] = positions.get(j - firstPosition[i]);
                    }
                } else {
                    Arrays.fill(positionRisk, firstPosition[i], firstPosition[i + 1], null);
                }
                out[i] = figures;
            }
        });
        pool.submit(work).join();
        return out;
    }

    /** Position {@code j}'s figures at the current marks, assessing its account's positions on first use. */
    private PositionRisk positionOf(int j) {
        PositionRisk risk = positionRisk[j];
        if (risk == null) {
            int i = ownerOf[j];
            List<PositionRisk> positions = new ArrayList<>(firstPosition[i + 1] - firstPosition[i]);
            assessor.assessAccount(accounts[i], markets, positions);
            for (int k = firstPosition[i]; k < firstPosition[i + 1]; k++) {
                positionRisk[k] = positions.get(k - firstPosition[i]);
            }
            risk = positionRisk[j];
        }
        return risk;
    }

    /**
     * Every account's rank over the whole book (the order of {@code RiskAssessor}: bankrupt first by equity
     * ascending, then margin ratio descending, ties by id), for the output; computed once per tick, on demand.
     */
    private int[] bookRanks() {
        if (bookRanks == null) {
            Integer[] order = IntStream.range(0, accounts.length).boxed().toArray(Integer[]::new);
            pool.submit(() -> Arrays.parallelSort(order, (x, y) -> riskiestFirst(accountRisk[x], accountRisk[y]))).join();
            int[] ranks = new int[accounts.length];
            for (int r = 0; r < order.length; r++) {
                ranks[order[r]] = r + 1;
            }
            bookRanks = ranks;
        }
        return bookRanks;
    }

    /** The order of RiskAssessor's ranking, written out (the equivalence tests hold the two together). */
    static int riskiestFirst(AccountRisk a, AccountRisk b) {
        if (a.bankrupt() != b.bankrupt()) {
            return a.bankrupt() ? -1 : 1;
        }
        if (a.bankrupt()) {
            int c = a.weakestPoolEquity().compareTo(b.weakestPoolEquity());
            if (c != 0) {
                return c;
            }
        }
        BigDecimal ra = a.marginRatio() == null ? BigDecimal.ZERO : a.marginRatio();
        BigDecimal rb = b.marginRatio() == null ? BigDecimal.ZERO : b.marginRatio();
        int c = rb.compareTo(ra);
        return c != 0 ? c : a.accountId().compareTo(b.accountId());
    }

    /** Session work of one tick: it evaluates conditions and runs actions, so it runs metered. */
    private int metered(IntSupplier work) {
        try {
            return Sandbox.run(monitor.budget().meter(), work::getAsInt);
        } catch (PolicyLimitError e) {
            throw Evaluator.limitBreached(e, monitor.firingRule());
        }
    }

    private void fire() {
        try {
            session.fireAllRules();
        } catch (RuntimeException e) {
            String rule = monitor.firingRule();
            throw new EvaluationFailedException(EvaluationFailedException.Reason.RULE_ERROR, rule,
                    "rule \"" + rule + "\" failed in sweep tick " + ticks + ": " + e, e);
        }
        EvaluationFailedException.Reason hit = monitor.limitHit();
        if (hit != null) {
            throw new EvaluationFailedException(hit, monitor.firingRule(), "sweep tick " + ticks + " stopped at its "
                    + (hit == EvaluationFailedException.Reason.TIME_LIMIT
                    ? "time limit of " + options.limits().timeout().toMillis() + " ms"
                    : "limit of " + options.limits().maxRuleFirings() + " rule firings")
                    + "; last fired: \"" + monitor.firingRule() + "\"", null);
        }
    }

    /** No deficit of this tick's decision vanishes (the evaluator checks the same). */
    private void requireConservation() {
        DeficitConservation.require(monitor.actions(), (account, symbol) -> positionFigures(account, symbol).orElse(null));
    }

    private SweepResult result(Set<String> moved, int accountsReassessed, int positionsReassessed, int updated,
                               long start, long assessed) {
        long end = System.nanoTime();
        return new SweepResult(ticks, asOf, version.ruleSet(), version.version(), version.hash(), monitor.actions(),
                moved, accountsReassessed, positionsReassessed, updated, monitor.firings(), monitor.firingsByRule(),
                Duration.ofNanos(assessed - start), Duration.ofNanos(end - assessed), Duration.ofNanos(end - start));
    }

    /**
     * A market as the sweep holds it after the latest tick: its mark, and its circuit-breaker session with the
     * levels that tick's decision fired (what the next tick evaluates).
     */
    public Optional<Market> market(String symbol) {
        return Optional.ofNullable(markets.get(symbol));
    }

    /**
     * The first rule of the version that stated a fact with a plain {@code insert} without joining on
     * {@link EvaluationContext}, if any rule has so far. Such a fact is withdrawn before the next tick and stated
     * again only if a fact its rule matched changes, so a tick could lose it where a fresh evaluation decides it:
     * {@link #tick} then refuses, and the caller evaluates every tick afresh with a new sweep ({@code LiveBook} does).
     * The reference policy joins every such rule on the context ({@code docs/reference-policy.md}, "Long-lived
     * sessions").
     */
    public Optional<String> oneTickRule() {
        return Optional.ofNullable(monitor.oneTickRule());
    }

    /** The version the sweep evaluates with. */
    public CompiledVersion version() {
        return version;
    }

    /** Number of open positions in the book. */
    public int positions() {
        return positionRisk.length;
    }

    /** An account's current figures with its positions' figures and ADL standings. */
    public Optional<AccountResult> account(String accountId) {
        Integer i = accountIndex.get(accountId);
        return i == null ? Optional.empty() : Optional.of(accountResult(i));
    }

    /** A position's current figures and ADL standing. */
    public Optional<PositionResult> position(String accountId, String symbol) {
        return positionFigures(accountId, symbol).map(this::positionResult);
    }

    private Optional<PositionRisk> positionFigures(String accountId, String symbol) {
        Integer i = accountIndex.get(accountId);
        if (i == null) {
            return Optional.empty();
        }
        for (int j = firstPosition[i]; j < firstPosition[i + 1]; j++) {
            if (accounts[i].positions().get(j - firstPosition[i]).symbol().equals(symbol)) {
                return Optional.of(positionOf(j));
            }
        }
        return Optional.empty();
    }

    /** Every account's current figures, in book order (what {@code Decision.accounts()} holds). */
    public List<AccountResult> results() {
        List<AccountResult> out = new ArrayList<>(accounts.length);
        for (int i = 0; i < accounts.length; i++) {
            out.add(accountResult(i));
        }
        return out;
    }

    private AccountResult accountResult(int i) {
        List<PositionResult> positions = new ArrayList<>(firstPosition[i + 1] - firstPosition[i]);
        for (int j = firstPosition[i]; j < firstPosition[i + 1]; j++) {
            positions.add(positionResult(positionOf(j)));
        }
        AccountRisk risk = accountRisk[i];
        int rank = bookRanks()[i];
        return new AccountResult(risk.riskRank() == rank ? risk : withRank(risk, rank), positions);
    }

    private PositionResult positionResult(PositionRisk position) {
        return new PositionResult(position, monitor.standing(position));
    }

    private void requireUsable() {
        if (closed) {
            throw new IllegalStateException("the sweep is closed");
        }
        if (broken) {
            throw new IllegalStateException("a previous tick failed; the session is in an undefined state: reopen the sweep");
        }
    }

    /** Disposes the session and returns the lease on the version. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                session.dispose();
            } finally {
                pool.shutdown();
                lease.close();
            }
        }
    }
}
