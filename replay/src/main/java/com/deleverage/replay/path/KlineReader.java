package com.deleverage.replay.path;

import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads OHLC bars (klines) of one market from CSV. The layout is recognised from the header:
 * <ul>
 *   <li><b>Binance public archive</b>: {@code open_time,open,high,low,close,volume,close_time,...}
 *       (epoch ms); a file without the header row is read in the same column order. The bar length is
 *       {@code close_time + 1 ms - open_time}.</li>
 *   <li><b>timestamp layout</b>: {@code timestamp_ms,datetime_utc,open,high,low,close,volume}, also with
 *       {@code mark_open,mark_high,...} columns.</li>
 *   <li><b>date layout</b>: {@code date,open,high,low,close,volume} with ISO-8601 dates.</li>
 * </ul>
 * For the last two the bar length is the smallest gap between consecutive bars. Rows come out sorted by
 * time; a duplicated open time is an error.
 */
public final class KlineReader {
    private static final List<String> ARCHIVE_COLUMNS = List.of("open_time", "open", "high", "low", "close",
            "volume", "close_time");

    private KlineReader() {
    }

    public static List<PriceBar> read(Path file, String symbol) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, symbol, file.getFileName().toString());
        } catch (IOException e) {
            throw new PriceFileException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    public static List<PriceBar> read(String csv, String symbol) {
        return read(new StringReader(csv), symbol, "csv");
    }

    public static List<PriceBar> read(Reader reader, String symbol, String source) {
        List<CSVRecord> records = CsvRows.read(reader, source);
        if (records.isEmpty()) {
            return List.of();
        }
        CSVRecord first = records.get(0);
        boolean headerless = CsvRows.looksNumeric(first.get(0));
        List<String> names = headerless ? ARCHIVE_COLUMNS : CsvRows.names(first);
        List<CSVRecord> rows = headerless ? records : records.subList(1, records.size());
        int time = CsvRows.column(names, "open_time", "timestamp_ms", "timestamp", "date", "time");
        int open = CsvRows.column(names, "open", "mark_open");
        int high = CsvRows.column(names, "high", "mark_high");
        int low = CsvRows.column(names, "low", "mark_low");
        int close = CsvRows.column(names, "close", "mark_close");
        int closeTime = CsvRows.column(names, "close_time");
        if (time < 0 || open < 0 || high < 0 || low < 0 || close < 0) {
            throw new PriceFileException(source + ": not a kline file: expected open_time / timestamp_ms / date and "
                    + "open, high, low, close columns, found " + names);
        }
        List<Instant> opens = new ArrayList<>(rows.size());
        List<Duration> durations = new ArrayList<>(rows.size());
        for (CSVRecord row : rows) {
            Instant openTime = CsvRows.time(row, time, names.get(time), source);
            opens.add(openTime);
            durations.add(closeTime < 0 ? null
                    : Duration.between(openTime, CsvRows.time(row, closeTime, "close_time", source).plusMillis(1)));
        }
        Duration inferred = closeTime < 0 ? smallestGap(opens, source) : null;
        List<PriceBar> bars = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            bars.add(new PriceBar(symbol, opens.get(i), durations.get(i) == null ? inferred : durations.get(i),
                    CsvRows.decimal(row, open, "open", source), CsvRows.decimal(row, high, "high", source),
                    CsvRows.decimal(row, low, "low", source), CsvRows.decimal(row, close, "close", source)));
        }
        bars.sort(java.util.Comparator.comparing(PriceBar::openTime));
        for (int i = 1; i < bars.size(); i++) {
            if (bars.get(i).openTime().equals(bars.get(i - 1).openTime())) {
                throw new PriceFileException(source + ": two bars open at " + bars.get(i).openTime());
            }
        }
        return List.copyOf(bars);
    }

    private static Duration smallestGap(List<Instant> opens, String source) {
        List<Instant> sorted = new ArrayList<>(opens);
        sorted.sort(null);
        Duration smallest = null;
        for (int i = 1; i < sorted.size(); i++) {
            Duration gap = Duration.between(sorted.get(i - 1), sorted.get(i));
            if (!gap.isZero() && (smallest == null || gap.compareTo(smallest) < 0)) {
                smallest = gap;
            }
        }
        if (smallest == null) {
            throw new PriceFileException(source + ": cannot tell the bar length from fewer than two bars");
        }
        return smallest;
    }
}
