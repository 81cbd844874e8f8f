package com.deleverage.solvency.epoch;

import java.math.BigInteger;

/**
 * An account's place in an epoch's tree: what is stored so its proof can be served later.
 *
 * @param salt       its 32 random bytes as lower-case hex; given only to the account holder
 * @param commitment {@code H(utf8(accountId) || salt)} as lower-case hex: the only thing of the account the tree shows
 * @param leafIndex  its leaf, from 0 at the left
 */
public record PlacedAccount(String accountId, String salt, String commitment, int leafIndex, BigInteger liability,
                            BigInteger deficit) {
}
