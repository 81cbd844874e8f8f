package com.deleverage.admin.solvency;

import com.deleverage.admin.refusal.InvalidInput;
import com.deleverage.admin.request.StrictRequest;
import com.deleverage.engine.model.Snapshot;
import com.deleverage.engine.snapshot.InputProblem;
import com.deleverage.engine.snapshot.SnapshotValidator;
import com.deleverage.solvency.epoch.Reserve;
import com.deleverage.solvency.epoch.Units;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /api/v1/solvency/epochs}.
 *
 * @param snapshot the evaluation request's snapshot: the accounts whose liabilities the epoch commits to
 * @param reserves the venue's declared reserve of the quote currency, {@code {"USDT": "..."}}, in the asset's
 *                 own units
 * @param zeroKnowledge true for a step-2 epoch (Pedersen commitments and range proofs, docs/solvency.md); absent
 *                 or false for a step-1 Merkle-sum tree
 */
public record EpochRequest(Snapshot snapshot, Map<String, BigDecimal> reserves, Boolean zeroKnowledge)
        implements StrictRequest {
    private static final Pattern ASSET = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    /**
     * The reserve, once the request is known to be complete and its snapshot valid.
     *
     * @throws InvalidInput naming every offending field
     */
    Reserve validated() {
        List<InputProblem> errors = new ArrayList<>();
        if (snapshot == null) {
            errors.add(new InputProblem("snapshot", "is required: the evaluation request's snapshot"));
        } else {
            new SnapshotValidator().validate(snapshot).forEach(p ->
                    errors.add(new InputProblem(p.field().isEmpty() ? "snapshot" : "snapshot." + p.field(), p.message())));
            if (snapshot.accounts().isEmpty()) {
                errors.add(new InputProblem("snapshot.accounts", "must hold at least one account"));
            }
        }
        Reserve reserve = null;
        if (reserves == null || reserves.size() != 1) {
            errors.add(new InputProblem("reserves", "must name exactly one asset, the quote currency the "
                    + "snapshot's balances are in, with its amount: {\"USDT\": \"1000000\"}"));
        } else {
            Map.Entry<String, BigDecimal> entry = reserves.entrySet().iterator().next();
            String field = "reserves." + entry.getKey();
            if (!ASSET.matcher(entry.getKey()).matches()) {
                errors.add(new InputProblem(field, "an asset is 1 to 32 letters, digits, '.', '-' or '_'"));
            } else if (entry.getValue() == null) {
                errors.add(new InputProblem(field, "is required: the reserve's amount"));
            } else if (entry.getValue().signum() < 0 || Units.exact(entry.getValue()).isEmpty()) {
                errors.add(new InputProblem(field, "must be 0 or more with at most 8 decimal places"));
            } else {
                reserve = new Reserve(entry.getKey(), entry.getValue());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput("the epoch request is invalid (" + errors.size()
                    + (errors.size() == 1 ? " problem): " : " problems): ")
                    + String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()), errors);
        }
        return reserve;
    }

    boolean isZeroKnowledge() {
        return Boolean.TRUE.equals(zeroKnowledge);
    }
}
