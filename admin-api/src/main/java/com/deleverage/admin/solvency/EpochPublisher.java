package com.deleverage.admin.solvency;

import com.deleverage.admin.audit.AuditAction;
import com.deleverage.admin.audit.AuditEvent;
import com.deleverage.admin.audit.AuditLog;
import com.deleverage.admin.refusal.InvalidInput;
import com.deleverage.admin.refusal.Unprocessable;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.solvency.epoch.AccountLiability;
import com.deleverage.solvency.epoch.EpochTree;
import com.deleverage.solvency.epoch.Liabilities;
import com.deleverage.solvency.epoch.Reserve;
import com.deleverage.solvency.tree.AmountOverflowException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Clock;
import java.util.List;

/**
 * Publishes an epoch: the liabilities of a snapshot in a Merkle-sum tree with fresh salts, the reserve's claim,
 * and the root in the audit chain. The epoch, its accounts, its nodes and its audit row commit together or not
 * at all, so no epoch is ever stored that the chain does not bind.
 */
@Singleton
public class EpochPublisher {
    private final TransactionOperations<Connection> transactions;
    private final EpochRepository repository;
    private final EpochQueries queries;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Liabilities liabilities = new Liabilities();
    private final SecureRandom random = new SecureRandom();

    EpochPublisher(TransactionOperations<Connection> transactions, EpochRepository repository, EpochQueries queries,
                   AuditLog auditLog, Clock clock) {
        this.transactions = transactions;
        this.repository = repository;
        this.queries = queries;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * @throws InvalidInput for an invalid request
     * @throws Unprocessable when the liabilities do not fit the format
     */
    public EpochView publish(EpochRequest request, String actor) {
        Reserve reserve = request.validated();
        Snapshot snapshot = request.snapshot();
        List<AccountLiability> owed = liabilities.of(snapshot);
        EpochTree tree;
        try {
            tree = EpochTree.build(owed, random);
        } catch (AmountOverflowException e) {
            throw new Unprocessable("the snapshot's liabilities cannot be committed to: " + e.getMessage()
                    + " (the proof format holds whole units of 10^-8 below 2^128)");
        }
        BigInteger deficitSum = owed.stream().map(AccountLiability::deficit).reduce(BigInteger.ZERO, BigInteger::add);
        int deficitCount = (int) owed.stream().filter(a -> a.deficit().signum() > 0).count();
        BigInteger rootSum = tree.tree().root().sum();
        StoredEpoch draft = new StoredEpoch(0, snapshot.asOf(), tree.tree().root(), tree.tree().depth(), owed.size(),
                reserve.asset(), reserve.amount().stripTrailingZeros().toPlainString(), reserve.covers(rootSum),
                deficitSum, deficitCount, actor, clock.instant());
        return transactions.executeWrite(status -> {
            long number = repository.insert(draft);
            // Read back: the statement is made of what is stored (times as the database keeps them), as verify reads it.
            StoredEpoch epoch = repository.find(number).orElseThrow();
            EpochStatement statement = EpochStatement.of(epoch);
            auditLog.append(new AuditEvent(actor, AuditAction.SOLVENCY_EPOCH_PUBLISHED, null,
                    Math.toIntExact(number), statement.rootHash(), statement.text()));
            repository.insertAccounts(number, tree.accounts());
            repository.insertNodes(number, tree.tree());
            return queries.view(epoch);
        });
    }
}
