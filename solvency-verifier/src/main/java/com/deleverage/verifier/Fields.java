package com.deleverage.verifier;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The format's values, read strictly: a value written another way than the format writes it is a failure. */
final class Fields {
    static final BigInteger U128_MAX = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    private static final Pattern HEX_32 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern AMOUNT = Pattern.compile("0|[1-9][0-9]{0,38}");

    private Fields() {
    }

    static <T> T required(T value, String field) throws Failure {
        if (value == null) {
            throw new Failure(field + " is missing");
        }
        return value;
    }

    /** 32 bytes written as 64 lower-case hex digits. */
    static byte[] hex32(String value, String field) throws Failure {
        if (!HEX_32.matcher(required(value, field)).matches()) {
            throw new Failure(field + " must be 64 lower-case hex digits, not '" + value + "'");
        }
        return HexFormat.of().parseHex(value);
    }

    /** An integer from 0 to 2^128 - 1 written in decimal without leading zeros. */
    static BigInteger amount(String value, String field) throws Failure {
        if (!AMOUNT.matcher(required(value, field)).matches()) {
            throw new Failure(field + " must be a whole number of units of 10^-8 in decimal digits, not '" + value + "'");
        }
        BigInteger amount = new BigInteger(value);
        if (amount.compareTo(U128_MAX) > 0) {
            throw new Failure(field + " " + value + " exceeds 2^128 - 1");
        }
        return amount;
    }

    /** Units of 10^-8 as a decimal amount, for people: 150000000 is 1.50000000. */
    static String decimal(BigInteger units) {
        return new java.math.BigDecimal(units, 8).toPlainString();
    }
}
