package com.deleverage.solvency.epoch;

import java.math.BigInteger;

/**
 * What the venue owes one account, and what the account owes the venue, in integer units of 10^-8 of the
 * quote currency. At most one of the two is non-zero for a cross account; an isolated account can have both
 * (a free balance and a profitable position owed to it, a bankrupt isolated position's deficit beside them).
 *
 * @param liability what the account holder could withdraw if every position were closed at the mark: its
 *                  equity, clamped at zero per margin pool, rounded up
 * @param deficit   the negative part of its margin pools, rounded up: the insurance fund's to cover, never
 *                  netted against another account's balance
 */
public record AccountLiability(String accountId, BigInteger liability, BigInteger deficit) {
}
