package com.deleverage.admin.margin;

import com.deleverage.admin.audit.BreakKind;
import com.deleverage.admin.audit.ChainBinding;
import com.deleverage.admin.audit.ChainBreak;
import com.deleverage.admin.audit.ChainFacts;
import com.deleverage.engine.hash.Sha256;
import com.deleverage.verifier.MarginCheck;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code /audit/verify} checks of margin epochs: each stored epoch's two files must still give the digest its
 * MARGIN_EPOCH_PUBLISHED row recorded (so the files served are the ones published), and every epoch the chain
 * published must still be stored. The proofs themselves are the verifier's to check ({@code verify-margin}).
 */
@Singleton
class MarginBindings implements ChainBinding {
    private final MarginRepository repository;

    MarginBindings(MarginRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<ChainBreak> check(ChainFacts facts) {
        List<ChainBreak> breaks = new ArrayList<>();
        Map<Long, ChainFacts.PublishedEpoch> published = facts.publishedMarginEpochs();
        Set<Long> stored = new HashSet<>();
        for (MarginRepository.Stored epoch : repository.all()) {
            stored.add(epoch.epoch());
            ChainFacts.PublishedEpoch recorded = published.get(epoch.epoch());
            String digest = Sha256.PREFIX + HexFormat.of().formatHex(MarginCheck.digest(
                    epoch.files().epochJson().getBytes(StandardCharsets.UTF_8),
                    epoch.files().poolsJsonl().getBytes(StandardCharsets.UTF_8)));
            if (recorded == null) {
                breaks.add(ChainBreak.marginEpoch(BreakKind.EPOCH_UNRECORDED, null, epoch.epoch(), "margin epoch "
                        + epoch.epoch() + " has no MARGIN_EPOCH_PUBLISHED row in the chain: it was inserted outside "
                        + "the platform"));
            } else if (!recorded.rootHash().equals(digest) || !recorded.rootHash().equals(Sha256.PREFIX + epoch.digest())) {
                breaks.add(ChainBreak.marginEpoch(BreakKind.EPOCH_MISMATCH, recorded.seq(), epoch.epoch(), "margin epoch "
                        + epoch.epoch() + "'s stored files give digest " + digest + " (its digest column says "
                        + epoch.digest() + "), but the chain (row " + recorded.seq() + ") published " + recorded.rootHash()
                        + ": the stored epoch was changed"));
            }
        }
        published.values().stream().filter(p -> !stored.contains(p.epoch())).forEach(p -> breaks.add(
                ChainBreak.marginEpoch(BreakKind.EPOCH_MISMATCH, p.seq(), p.epoch(), "the chain (row " + p.seq()
                        + ") published margin epoch " + p.epoch() + ", which is no longer stored")));
        return breaks;
    }
}
