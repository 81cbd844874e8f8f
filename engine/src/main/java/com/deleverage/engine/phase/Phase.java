package com.deleverage.engine.phase;

/**
 * The named phases of a policy: the salience levels that order its rules, highest first. A rule says where
 * it runs with {@code salience Phase.CLASSIFY_POOLS}, or, to go riskiest account first inside its phase,
 * {@code salience ( Phase.LIQUIDATIONS - $plan.riskRank )}. Drools fires, of the rules ready to fire, the one
 * of highest salience: a phase orders what is ready at the same time; it does not hold a rule back until an
 * earlier phase is over (a rule of a high phase whose condition becomes true later fires as soon as it does,
 * as {@code Build the ADL book of a market side} does during settlement).
 *
 * <p>The values are the numbers the reference policy was written with, so naming them changed no decision.
 * The compiler writes each name as its number before Drools reads the policy ({@link PhaseInlining}), as
 * javac does with constants: a named salience is the same fixed salience as the number, not an expression
 * evaluated for every match.
 *
 * <p>The phases of the reference policy ({@code rules/deleveraging/}), in firing order:
 * <table>
 * <caption>Phases, highest salience first</caption>
 * <tr><th>phase</th><th>salience</th><th>what runs in it</th></tr>
 * <tr><td>{@link #PARAMETERS}</td><td>1,000,000,000</td><td>the parameters (generated from parameters.yaml) and
 * the account watch</td></tr>
 * <tr><td>{@link #POOLS_AND_LEDGERS}</td><td>900,000,000</td><td>margin pools of the accounts at risk, the
 * insurance-fund ledger of every market</td></tr>
 * <tr><td>{@link #CLASSIFY_POOLS}</td><td>890,000,000</td><td>each pool at risk gets its risk class (warning,
 * liquidatable, bankrupt)</td></tr>
 * <tr><td>{@link #ADL_QUEUES}</td><td>840,000,000</td><td>the ADL lights of every market; the ADL book of a
 * side, when a deficit first needs it</td></tr>
 * <tr><td>{@link #CLASSIFY_MARKETS}</td><td>800,000,000</td><td>circuit-breaker level, funding quote,
 * open-interest pressure, volatility spike by price move</td></tr>
 * <tr><td>{@link #CLASSIFY_MARKETS_FALLBACK}</td><td>799,000,000</td><td>a market classification that applies
 * only where the one before did not (volatility spike by realised volatility)</td></tr>
 * <tr><td>{@link #MARKET_REQUIREMENTS}</td><td>790,000,000</td><td>what a spike or open-interest pressure
 * requires: a margin scale, a leverage cap</td></tr>
 * <tr><td>{@link #PLAN_PARTIAL_LIQUIDATION}</td><td>700,000,000</td><td>down-tier liquidation plans</td></tr>
 * <tr><td>{@link #PLAN_FULL_LIQUIDATION}</td><td>690,000,000</td><td>full liquidation plans, where no
 * down-tier plan is enough</td></tr>
 * <tr><td>{@link #SLICE_PLANS}</td><td>680,000,000</td><td>large plans cut to their first slice</td></tr>
 * <tr><td>{@link #CIRCUIT_BREAKERS}</td><td>650,000,000</td><td>trading halts, reduce-only after a large
 * move</td></tr>
 * <tr><td>{@link #MARKET_ACTIONS}</td><td>600,000,000</td><td>funding rates, margin scaling, leverage cuts,
 * reduce-only at the open-interest cap</td></tr>
 * <tr><td>{@link #LIQUIDATIONS} − riskRank</td><td>500,000,000 − rank</td><td>liquidations, riskiest account
 * first</td></tr>
 * <tr><td>{@link #SLICE_COOLDOWN} − riskRank</td><td>460,000,000 − rank</td><td>sliced positions held
 * reduce-only</td></tr>
 * <tr><td>{@link #MARGIN_CALLS} − riskRank</td><td>450,000,000 − rank</td><td>margin calls</td></tr>
 * <tr><td>{@link #OPEN_CLOSEOUTS}</td><td>400,000,000</td><td>a closeout for each position taken over at its
 * bankruptcy price</td></tr>
 * <tr><td>{@link #CREDIT_FUND}</td><td>390,000,000</td><td>surpluses and fees credited to the fund</td></tr>
 * <tr><td>{@link #QUEUE_DEFICITS}</td><td>360,000,000</td><td>the deficits of a market queued, riskiest
 * first</td></tr>
 * <tr><td>{@link #FUND_DRAWDOWN_MODE}</td><td>350,000,000</td><td>drawdown ADL mode switched on or off</td></tr>
 * <tr><td>{@link #SETTLE_DEFICITS} − riskRank</td><td>300,000,000 − rank</td><td>each deficit routed and
 * settled: fund, ADL, socialised loss, overdraft</td></tr>
 * </table>
 *
 * <p>A phase that subtracts {@code riskRank} keeps its place while ranks stay below the gap to the next phase
 * down: 10,000,000 accounts (between {@link #SLICE_COOLDOWN} and {@link #MARGIN_CALLS}).
 */
public final class Phase {
    /** The parameters and the account watch: every other rule joins on them. */
    public static final int PARAMETERS = 1_000_000_000;
    /** Margin pools of the accounts at risk; the insurance-fund ledger of every market. */
    public static final int POOLS_AND_LEDGERS = 900_000_000;
    /** Each margin pool at risk gets its risk class. */
    public static final int CLASSIFY_POOLS = 890_000_000;
    /** The ADL lights of every market; the ADL book of a market side, once a deficit needs it. */
    public static final int ADL_QUEUES = 840_000_000;
    /** Market-wide classifications: circuit-breaker level, funding quote, open-interest pressure, spikes. */
    public static final int CLASSIFY_MARKETS = 800_000_000;
    /** A market classification that applies only where a {@link #CLASSIFY_MARKETS} rule did not. */
    public static final int CLASSIFY_MARKETS_FALLBACK = 799_000_000;
    /** What the market classifications require: margin scales and leverage caps. */
    public static final int MARKET_REQUIREMENTS = 790_000_000;
    /** Partial (down-tier) liquidation plans, preferred to full ones. */
    public static final int PLAN_PARTIAL_LIQUIDATION = 700_000_000;
    /** Full liquidation plans, for the pools no partial plan is enough for. */
    public static final int PLAN_FULL_LIQUIDATION = 690_000_000;
    /** Large liquidation plans cut to their first slice. */
    public static final int SLICE_PLANS = 680_000_000;
    /** Trading halts and reduce-only periods of the circuit breakers. */
    public static final int CIRCUIT_BREAKERS = 650_000_000;
    /** Market-wide actions: funding rates, margin scaling, leverage cuts, reduce-only markets. */
    public static final int MARKET_ACTIONS = 600_000_000;
    /** Liquidations; subtract {@code riskRank} to go riskiest account first. */
    public static final int LIQUIDATIONS = 500_000_000;
    /** Sliced positions held reduce-only; subtract {@code riskRank}. */
    public static final int SLICE_COOLDOWN = 460_000_000;
    /** Margin calls, after the liquidations; subtract {@code riskRank}. */
    public static final int MARGIN_CALLS = 450_000_000;
    /** A closeout for each position taken over at its bankruptcy price. */
    public static final int OPEN_CLOSEOUTS = 400_000_000;
    /** Liquidation surpluses and fees credited to the insurance fund, before any deficit is routed. */
    public static final int CREDIT_FUND = 390_000_000;
    /** The deficits of a market queued, riskiest first, once every closeout is open and credited. */
    public static final int QUEUE_DEFICITS = 360_000_000;
    /** Drawdown ADL mode switched on or off after each credit and draw. */
    public static final int FUND_DRAWDOWN_MODE = 350_000_000;
    /** Each deficit routed and settled (fund, ADL, socialised loss, overdraft); subtract {@code riskRank}. */
    public static final int SETTLE_DEFICITS = 300_000_000;

    private Phase() {
    }
}
