package com.deleverage.admin.solvency;

import com.deleverage.admin.refusal.NotFound;
import com.deleverage.solvency.epoch.InclusionProof;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.util.Map;

/** Reading published epochs and their accounts' proofs. */
@Singleton
public class EpochQueries {
    private final EpochRepository repository;

    EpochQueries(EpochRepository repository) {
        this.repository = repository;
    }

    /** @throws NotFound for an epoch never published */
    @ReadOnly
    public EpochView epoch(long number) {
        return view(repository.find(number).orElseThrow(() -> noEpoch(number)));
    }

    /** @throws NotFound for an epoch never published, or an account not in it */
    @ReadOnly
    public InclusionProof proof(long number, String accountId) {
        StoredEpoch epoch = repository.find(number).orElseThrow(() -> noEpoch(number));
        return repository.proof(epoch, accountId).orElseThrow(() -> new NotFound(
                "epoch " + number + " has no account '" + accountId + "'"));
    }

    /** The epoch as the API shows it, read in the caller's transaction. */
    EpochView view(StoredEpoch e) {
        return new EpochView(e.epoch(), e.asOf(), e.root(), Map.of(e.reserveAsset(), e.reserveAmount()),
                e.accountCount(), e.solvent(), new EpochView.Deficits(e.deficitSum(), repository.deficits(
                e.epoch())), e.publishedBy(), e.publishedAt());
    }

    private static NotFound noEpoch(long number) {
        return new NotFound("no solvency epoch " + number);
    }
}
