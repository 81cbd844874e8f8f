package com.deleverage.replay.path;

import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the simple layout users produce from their own systems:
 * {@code timestamp,symbol,markPrice[,indexPrice,fundingRate,openInterest]} with a header row. The
 * timestamp is epoch milliseconds or an ISO-8601 instant; the optional columns may be absent or empty.
 * Several symbols may share one file; ticks come out by time then symbol.
 */
public final class MarkPriceReader {
    private MarkPriceReader() {
    }

    public static PricePath read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.getFileName().toString());
        } catch (IOException e) {
            throw new PriceFileException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    public static PricePath read(String csv) {
        return read(new StringReader(csv), "csv");
    }

    public static PricePath read(Reader reader, String source) {
        List<CSVRecord> records = CsvRows.read(reader, source);
        if (records.isEmpty()) {
            return new PricePath(List.of());
        }
        List<String> names = CsvRows.names(records.get(0));
        int time = CsvRows.column(names, "timestamp");
        int symbol = CsvRows.column(names, "symbol");
        int mark = CsvRows.column(names, "markprice");
        if (time < 0 || symbol < 0 || mark < 0) {
            throw new PriceFileException(source + ": expected a header timestamp,symbol,markPrice"
                    + "[,indexPrice,fundingRate,openInterest], found " + names);
        }
        int index = CsvRows.column(names, "indexprice");
        int funding = CsvRows.column(names, "fundingrate");
        int openInterest = CsvRows.column(names, "openinterest");
        List<PriceTick> ticks = new ArrayList<>(records.size());
        for (CSVRecord row : records.subList(1, records.size())) {
            try {
                ticks.add(new PriceTick(CsvRows.time(row, time, "timestamp", source),
                        CsvRows.cell(row, symbol, "symbol", source),
                        CsvRows.decimal(row, mark, "markPrice", source),
                        CsvRows.optionalDecimal(row, index, "indexPrice", source),
                        CsvRows.optionalDecimal(row, funding, "fundingRate", source),
                        CsvRows.optionalDecimal(row, openInterest, "openInterest", source)));
            } catch (IllegalArgumentException e) {
                throw new PriceFileException(source + " line " + row.getRecordNumber() + ": " + e.getMessage(), e);
            }
        }
        try {
            return new PricePath(ticks);
        } catch (IllegalArgumentException e) {
            throw new PriceFileException(source + ": " + e.getMessage(), e);
        }
    }
}
