package com.deleverage.verifier;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An epoch's {@code reserves}: exactly one asset, the quote currency of the liabilities, with a decimal amount
 * of at most 8 decimal places.
 *
 * @param units the amount in units of 10^-8
 */
record DeclaredReserve(String asset, String amount, BigInteger units) {
    private static final Pattern AMOUNT = Pattern.compile("(0|[1-9][0-9]*)(\\.[0-9]{1,8})?");

    static DeclaredReserve of(Map<String, String> reserves) throws Failure {
        Fields.required(reserves, "reserves");
        if (reserves.size() != 1) {
            throw new Failure("reserves must name exactly one asset, the quote currency of the liabilities; it names "
                    + reserves.size());
        }
        Map.Entry<String, String> reserve = reserves.entrySet().iterator().next();
        String amount = Fields.required(reserve.getValue(), "reserves." + reserve.getKey());
        if (!AMOUNT.matcher(amount).matches()) {
            throw new Failure("reserves." + reserve.getKey() + " must be a decimal amount with at most 8 decimal "
                    + "places, not '" + amount + "'");
        }
        return new DeclaredReserve(reserve.getKey(), amount,
                new BigDecimal(amount).movePointRight(8).toBigIntegerExact());
    }
}
