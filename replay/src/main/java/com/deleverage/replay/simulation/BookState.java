package com.deleverage.replay.simulation;

import com.deleverage.engine.model.Account;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** The whole replayed book, accounts by id (sorted, so every iteration order is fixed). */
final class BookState {
    private final SortedMap<String, BookAccount> accounts = new TreeMap<>();

    BookState(List<Account> book) {
        for (Account account : book) {
            if (accounts.put(account.id(), new BookAccount(account)) != null) {
                throw new IllegalArgumentException("account '" + account.id() + "' appears twice in the book");
            }
        }
    }

    /** A new account (a trader entering during the replay). */
    void add(Account account) {
        if (accounts.putIfAbsent(account.id(), new BookAccount(account)) != null) {
            throw new IllegalArgumentException("account '" + account.id() + "' is already in the book");
        }
    }

    BookAccount get(String id) {
        return accounts.get(id);
    }

    Collection<BookAccount> accounts() {
        return accounts.values();
    }

    /** Accounts that still hold a position, as the evaluator sees them, by id. */
    List<Account> openAccounts() {
        List<Account> open = new ArrayList<>(accounts.size());
        for (BookAccount account : accounts.values()) {
            if (!account.positions.isEmpty()) {
                open.add(account.toAccount());
            }
        }
        return open;
    }

    BigDecimal totalCollateral() {
        BigDecimal total = BigDecimal.ZERO;
        for (BookAccount account : accounts.values()) {
            total = total.add(account.collateral());
        }
        return total;
    }

    /** Long quantity and short quantity (as a positive number) of a market. */
    BigDecimal[] openInterest(String symbol) {
        BigDecimal longs = BigDecimal.ZERO;
        BigDecimal shorts = BigDecimal.ZERO;
        for (BookAccount account : accounts.values()) {
            BookPosition p = account.positions.get(symbol);
            if (p != null) {
                if (p.quantity.signum() > 0) {
                    longs = longs.add(p.quantity);
                } else {
                    shorts = shorts.subtract(p.quantity);
                }
            }
        }
        return new BigDecimal[]{longs, shorts};
    }
}
