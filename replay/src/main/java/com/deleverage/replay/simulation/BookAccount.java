package com.deleverage.replay.simulation;

import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Position;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An account of the replayed book: mutable, with its positions by symbol. The immutable {@link Account}
 * the evaluator sees is cached and rebuilt only after a change, so a tick costs nothing for the accounts
 * the previous tick left alone.
 */
final class BookAccount {
    final String id;
    final MarginMode marginMode;
    BigDecimal walletBalance;
    final SortedMap<String, BookPosition> positions = new TreeMap<>();
    private Account cached;

    BookAccount(Account account) {
        this.id = account.id();
        this.marginMode = account.marginMode();
        this.walletBalance = account.walletBalance();
        for (Position p : account.positions()) {
            positions.put(p.symbol(), new BookPosition(p));
        }
    }

    boolean isolated() {
        return marginMode == MarginMode.ISOLATED;
    }

    /** Wallet plus every isolated margin: all the collateral the account holds. */
    BigDecimal collateral() {
        BigDecimal total = walletBalance;
        for (BookPosition p : positions.values()) {
            if (p.isolatedMargin != null) {
                total = total.add(p.isolatedMargin);
            }
        }
        return total;
    }

    /** The pool backing a position: the isolated margin, or the wallet for a cross account. */
    BigDecimal pool(BookPosition position) {
        return isolated() ? position.isolatedMargin : walletBalance;
    }

    void addToPool(BookPosition position, BigDecimal amount) {
        if (isolated()) {
            position.isolatedMargin = position.isolatedMargin.add(amount);
        } else {
            walletBalance = walletBalance.add(amount);
        }
        changed();
    }

    void changed() {
        cached = null;
    }

    Account toAccount() {
        if (cached == null) {
            List<Position> list = new ArrayList<>(positions.size());
            positions.values().forEach(p -> list.add(p.toPosition()));
            cached = new Account(id, walletBalance, marginMode, list);
        }
        return cached;
    }
}
