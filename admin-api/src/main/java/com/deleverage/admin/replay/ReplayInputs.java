package com.deleverage.admin.replay;

import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.RiskTier;
import com.deleverage.engine.tiers.BinanceBrackets;
import com.deleverage.replay.book.BookGenerator;
import com.deleverage.replay.book.BookSpec;
import com.deleverage.replay.path.IntrabarTicks;
import com.deleverage.replay.path.KlineReader;
import com.deleverage.replay.path.MarkPriceReader;
import com.deleverage.replay.path.PricePath;
import com.deleverage.replay.path.PriceTick;
import com.deleverage.engine.snapshot.SnapshotJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the command line and the HTTP API share: reading price files of any supported layout, the default
 * tier table, reading a tier file, and drawing a seeded book for the replay's first price.
 */
public final class ReplayInputs {
    private static final ObjectMapper STRICT = SnapshotJson.json().mapper();

    /**
     * The default tier table when none is given: Binance USD-M BTCUSDT leverage brackets
     * (notional floor, cap, maintenance margin rate, cum, max leverage).
     */
    public static final List<RiskTier> DEFAULT_TIERS = List.of(
            tier("0", "50000", "0.004", "0", 125),
            tier("50000", "600000", "0.005", "50", 100),
            tier("600000", "3000000", "0.0065", "950", 75),
            tier("3000000", "12000000", "0.01", "11450", 50),
            tier("12000000", "70000000", "0.02", "131450", 25),
            tier("70000000", "100000000", "0.025", "481450", 20),
            tier("100000000", "230000000", "0.05", "2981450", 10),
            tier("230000000", "480000000", "0.1", "14481450", 5),
            tier("480000000", "600000000", "0.125", "26481450", 4),
            tier("600000000", "800000000", "0.15", "41481450", 3),
            tier("800000000", "1200000000", "0.25", "121481450", 2),
            tier("1200000000", "1800000000", "0.5", "421481450", 1));

    /** Layout of a price file. */
    public enum Layout {
        /** Recognised from the header: {@code symbol} and {@code markPrice} columns mean MARKS, anything else KLINES. */
        AUTO,
        /** OHLC bars (Binance archive, {@code timestamp_ms,datetime_utc,...}, {@code date,...}) of one market. */
        KLINES,
        /** {@code timestamp,symbol,markPrice[,indexPrice,fundingRate,openInterest]}, several markets. */
        MARKS
    }

    private ReplayInputs() {
    }

    private static RiskTier tier(String floor, String cap, String rate, String cum, int leverage) {
        return new RiskTier(new BigDecimal(floor), new BigDecimal(cap), new BigDecimal(rate), new BigDecimal(cum), leverage);
    }

    /**
     * Reads one price file. Klines need the market's symbol; mark-price files name their own markets.
     *
     * @throws IllegalArgumentException when the file cannot be read as the layout says
     */
    public static PricePath readPrices(Path file, Layout layout, String symbol, IntrabarTicks.Mode mode) {
        Layout actual = layout == Layout.AUTO ? detect(file) : layout;
        if (actual == Layout.MARKS) {
            return MarkPriceReader.read(file);
        }
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException(file.getFileName() + " holds klines of one market: name its symbol");
        }
        return new PricePath(IntrabarTicks.of(KlineReader.read(file, symbol), mode));
    }

    static Layout detect(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                throw new IllegalArgumentException(file.getFileName() + " is empty");
            }
            List<String> names = Arrays.stream(header.toLowerCase(Locale.ROOT).replace("\uFEFF", "").split(","))
                    .map(String::strip).toList();
            return names.contains("symbol") && names.contains("markprice") ? Layout.MARKS : Layout.KLINES;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * A tier table from a file: a Binance leverage-bracket table ({@code {"BTC/USDT:USDT": [...]}}, the market
     * key derived from the symbol: BTCUSDT is {@code BTC/USDT:USDT}) or a JSON array of tiers in the evaluation
     * request's {@code riskTiers} shape.
     */
    public static List<RiskTier> readTiers(Path file, String symbol) {
        try {
            JsonNode root = STRICT.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (root.isArray()) {
                return List.of(STRICT.treeToValue(root, RiskTier[].class));
            }
            return BinanceBrackets.read(file, bracketKey(symbol));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read tiers " + file + ": " + e.getMessage(), e);
        }
    }

    /** BTCUSDT to the ccxt key {@code BTC/USDT:USDT}; other symbols as they are. */
    static String bracketKey(String symbol) {
        for (String quote : List.of("USDT", "USDC")) {
            if (symbol.endsWith(quote) && symbol.length() > quote.length()) {
                return symbol.substring(0, symbol.length() - quote.length()) + "/" + quote + ":" + quote;
            }
        }
        return symbol;
    }

    /** The first mark of {@code symbol} at or after {@code from}: the price a generated book is drawn at. */
    public static BigDecimal firstPrice(PricePath path, String symbol, Instant from) {
        return path.ticks().stream().filter(t -> t.symbol().equals(symbol) && !t.time().isBefore(from))
                .map(PriceTick::markPrice).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the price path has no " + symbol + " price at or after "
                        + from));
    }

    /**
     * Generator parameters of a synthetic book; null fields take {@link BookSpec#defaults}' values
     * (open interest: 0.1 base units per account and side).
     */
    public record BookParameters(@Nullable Long seed, @Nullable Integer accounts, @Nullable BigDecimal openInterest,
                                 @Nullable Double longShare, @Nullable Double isolatedShare,
                                 @Nullable Double sizeSigma, @Nullable Double entrySpread,
                                 @Nullable Double marginBuffer) {
        public static final long DEFAULT_SEED = 20251010L;
        public static final int DEFAULT_ACCOUNTS = 1_000;
        public static final BigDecimal OPEN_INTEREST_PER_ACCOUNT = new BigDecimal("0.1");

        public List<Account> generate(String symbol, BigDecimal referencePrice, List<RiskTier> tiers) {
            int n = accounts == null ? DEFAULT_ACCOUNTS : accounts;
            BookSpec d = BookSpec.defaults(seed == null ? DEFAULT_SEED : seed, n, symbol, referencePrice,
                    openInterest == null ? OPEN_INTEREST_PER_ACCOUNT.multiply(BigDecimal.valueOf(n)) : openInterest,
                    tiers);
            BookSpec spec = new BookSpec(d.seed(), d.accounts(), d.symbol(), d.referencePrice(), d.openInterest(),
                    d.riskTiers(), longShare == null ? d.longShare() : longShare,
                    isolatedShare == null ? d.isolatedShare() : isolatedShare, d.leverageWeights(),
                    sizeSigma == null ? d.sizeSigma() : sizeSigma, entrySpread == null ? d.entrySpread() : entrySpread,
                    marginBuffer == null ? d.marginBuffer() : marginBuffer, d.minMaintenanceMultiple(), d.lotSize());
            return BookGenerator.generate(spec);
        }
    }

    /** Every market of the path, in order. */
    public static List<String> symbols(PricePath path) {
        return new ArrayList<>(path.symbols());
    }
}
