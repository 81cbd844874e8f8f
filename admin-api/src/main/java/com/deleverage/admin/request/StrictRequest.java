package com.deleverage.admin.request;

/**
 * A request body record of the API, read by {@link StrictRequestReader}: the engine's strict JSON settings
 * (duplicate keys, unknown fields and out-of-bounds decimals refused, each problem named by its field), so every
 * endpoint refuses bad input the way evaluations do.
 */
public interface StrictRequest {
}
