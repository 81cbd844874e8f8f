package com.deleverage.replay.path;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CSV plumbing shared by the readers: Apache Commons CSV parses (quoting, blank lines, BOM-free
 * RFC 4180), this class only interprets cells, with the file and line in every error.
 */
final class CsvRows {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();

    private CsvRows() {
    }

    /** Every record of the file, the header row included (callers decide whether there is one). */
    static List<CSVRecord> read(Reader reader, String source) {
        try (CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            return new ArrayList<>(parser.getRecords());
        } catch (IOException | UncheckedIOException e) {
            throw new PriceFileException(source + ": cannot read CSV: " + e.getMessage(), e);
        }
    }

    /** Lower-cased header names of a record. */
    static List<String> names(CSVRecord header) {
        List<String> names = new ArrayList<>();
        header.forEach(cell -> names.add(cell.trim().toLowerCase(Locale.ROOT)));
        return names;
    }

    static boolean looksNumeric(String cell) {
        return !cell.isEmpty() && (Character.isDigit(cell.charAt(0)) || cell.charAt(0) == '-');
    }

    static BigDecimal decimal(CSVRecord record, int column, String name, String source) {
        String cell = cell(record, column, name, source);
        try {
            return new BigDecimal(cell);
        } catch (NumberFormatException e) {
            throw new PriceFileException(source + " line " + record.getRecordNumber() + ": " + name + " '" + cell
                    + "' is not a decimal number", e);
        }
    }

    static BigDecimal optionalDecimal(CSVRecord record, int column, String name, String source) {
        if (column < 0 || column >= record.size() || record.get(column).isEmpty()) {
            return null;
        }
        return decimal(record, column, name, source);
    }

    static String cell(CSVRecord record, int column, String name, String source) {
        if (column < 0 || column >= record.size()) {
            throw new PriceFileException(source + " line " + record.getRecordNumber() + ": no " + name + " column");
        }
        return record.get(column);
    }

    /**
     * A time cell: epoch milliseconds ({@code 1760131200000}), an ISO-8601 instant
     * ({@code 2025-10-10T21:15:00Z}, {@code 2025-10-10T21:15:00.000Z}) or a UTC date-time with a space
     * ({@code 2025-10-10 21:15:00}).
     */
    static Instant time(CSVRecord record, int column, String name, String source) {
        String cell = cell(record, column, name, source);
        try {
            if (cell.chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochMilli(Long.parseLong(cell));
            }
            if (cell.length() > 10 && cell.charAt(10) == ' ') {
                return LocalDateTime.parse(cell.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(cell).toInstant();
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new PriceFileException(source + " line " + record.getRecordNumber() + ": " + name + " '" + cell
                    + "' is neither epoch milliseconds nor an ISO-8601 time", e);
        }
    }

    static int column(List<String> names, String... aliases) {
        for (String alias : aliases) {
            int i = names.indexOf(alias);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }
}
