package com.deleverage.admin.solvency;

import com.deleverage.solvency.zk.RangeProver;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.security.SecureRandom;

/** One range prover for the platform, drawing its blindings and nonces from a {@link SecureRandom}. */
@Factory
class ProverFactory {
    @Singleton
    RangeProver rangeProver() {
        return new RangeProver(new SecureRandom());
    }
}
