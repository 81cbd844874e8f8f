package com.deleverage.engine.live;

import com.deleverage.engine.math.Decimals;
import com.deleverage.engine.model.Account;
import com.deleverage.engine.model.MarginMode;
import com.deleverage.engine.model.Position;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What an account event does to an account, as a linear-perpetual venue books it (no fees: a venue's fee is a
 * transfer of its own):
 * <ul>
 *   <li>a fill that opens or adds to a position averages the entry price, weighted by size (rounded half-even
 *       to 8 places, as every price of the platform);</li>
 *   <li>a fill that reduces, closes or flips a position realises {@code closed size x (price - entry)} (the
 *       opposite for a short) into the wallet; a closed ISOLATED position returns its isolated margin to the
 *       wallet; the part of a flip beyond the old size opens a new position at the fill's price;</li>
 *   <li>a transfer adds to or takes from the wallet, which may not go below zero;</li>
 *   <li>a margin-mode change is refused while the account holds a position.</li>
 * </ul>
 */
final class AccountChanges {
    private AccountChanges() {
    }

    /** A new account for an id the book has not seen: an empty CROSS wallet. */
    static Account empty(String id) {
        return new Account(id, BigDecimal.ZERO, MarginMode.CROSS, List.of());
    }

    /**
     * The account after the event.
     *
     * @throws IllegalArgumentException when the venue would refuse the event (its message says why)
     */
    static Account apply(Account account, AccountEvent event) {
        return switch (event) {
            case AccountEvent.Fill fill -> fill(account, fill);
            case AccountEvent.Transfer transfer -> transfer(account, transfer);
            case AccountEvent.MarginModeChange change -> marginMode(account, change);
        };
    }

    private static Account transfer(Account account, AccountEvent.Transfer transfer) {
        BigDecimal wallet = account.walletBalance().add(transfer.amount());
        if (wallet.signum() < 0) {
            throw new IllegalArgumentException("a withdrawal of " + transfer.amount().negate().toPlainString()
                    + " exceeds the wallet balance " + account.walletBalance().toPlainString());
        }
        return new Account(account.id(), wallet, account.marginMode(), account.positions());
    }

    private static Account marginMode(Account account, AccountEvent.MarginModeChange change) {
        if (change.marginMode() != account.marginMode() && !account.positions().isEmpty()) {
            throw new IllegalArgumentException("the margin mode cannot change while the account holds "
                    + account.positions().size() + " position(s)");
        }
        return new Account(account.id(), account.walletBalance(), change.marginMode(), account.positions());
    }

    private static Account fill(Account account, AccountEvent.Fill fill) {
        if (fill.quantity().signum() == 0) {
            throw new IllegalArgumentException("a fill's quantity must not be zero");
        }
        if (fill.price().signum() <= 0) {
            throw new IllegalArgumentException("a fill's price must be positive");
        }
        boolean isolated = account.marginMode() == MarginMode.ISOLATED;
        if (!isolated && fill.isolatedMargin() != null) {
            throw new IllegalArgumentException("isolatedMargin is for ISOLATED accounts only");
        }
        List<Position> positions = new ArrayList<>(account.positions());
        int at = indexOf(positions, fill.symbol());
        Position held = at < 0 ? null : positions.get(at);
        BigDecimal wallet = account.walletBalance();
        Position after;
        if (held == null) {
            after = opened(fill, fill.quantity());
        } else if (held.quantity().signum() == fill.quantity().signum()) {
            BigDecimal size = held.size().add(fill.quantity().abs());
            BigDecimal entry = Decimals.price(held.size().multiply(held.entryPrice())
                    .add(fill.quantity().abs().multiply(fill.price())), size);
            after = new Position(held.symbol(), held.quantity().add(fill.quantity()), entry, held.leverage(),
                    margin(fill, held.isolatedMargin()));
        } else {
            BigDecimal closed = held.size().min(fill.quantity().abs());
            wallet = wallet.add(closed.multiply(fill.price().subtract(held.entryPrice()))
                    .multiply(BigDecimal.valueOf(held.quantity().signum())));
            BigDecimal remaining = held.quantity().add(fill.quantity());
            if (remaining.signum() == 0) {
                after = null;
                if (isolated) {
                    wallet = wallet.add(held.isolatedMargin());
                }
            } else if (remaining.signum() == held.quantity().signum()) {
                after = new Position(held.symbol(), remaining, held.entryPrice(), held.leverage(),
                        margin(fill, held.isolatedMargin()));
            } else {
                if (isolated) {
                    wallet = wallet.add(held.isolatedMargin());
                }
                after = opened(fill, remaining);
            }
        }
        if (after == null) {
            positions.remove(at);
        } else if (at < 0) {
            positions.add(after);
        } else {
            positions.set(at, after);
        }
        return new Account(account.id(), wallet, account.marginMode(), positions);
    }

    private static Position opened(AccountEvent.Fill fill, BigDecimal quantity) {
        return new Position(fill.symbol(), quantity, fill.price(), null, fill.isolatedMargin());
    }

    private static BigDecimal margin(AccountEvent.Fill fill, BigDecimal held) {
        return fill.isolatedMargin() != null ? fill.isolatedMargin() : held;
    }

    private static int indexOf(List<Position> positions, String symbol) {
        for (int i = 0; i < positions.size(); i++) {
            if (positions.get(i).symbol().equals(symbol)) {
                return i;
            }
        }
        return -1;
    }
}
