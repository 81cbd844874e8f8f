-- wrk script: POST /api/v1/evaluations with a single-account snapshot as the demo trading system.
-- The account is the contract's example: short 0.5 BTC, under-margined, so every decision has an action.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Basic dHJhZGVyOnRyYWRlci1kZXYtcGFzc3dvcmQ=" -- trader:trader-dev-password
wrk.body = [[
{"ruleSet": "deleveraging", "asOf": "2025-10-10T21:15:00Z",
 "markets": [{"symbol": "BTCUSDT", "markPrice": "103441.3", "indexPrice": "103500.1",
              "riskTiers": [{"notionalFloor": "0", "notionalCap": "50000", "maintenanceMarginRate": "0.004", "maintenanceAmount": "0", "maxLeverage": 125},
                            {"notionalFloor": "50000", "notionalCap": "10000000", "maintenanceMarginRate": "0.005", "maintenanceAmount": "50", "maxLeverage": 100}]}],
 "insuranceFunds": [{"symbol": "BTCUSDT", "balance": "2500000", "peakBalance8h": "2600000"}],
 "accounts": [{"id": "acct-1", "walletBalance": "1900", "marginMode": "CROSS",
               "positions": [{"symbol": "BTCUSDT", "quantity": "-0.5", "entryPrice": "100000", "leverage": 20}]}]}
]]

local errors = 0

response = function(status, headers, body)
  if status ~= 200 then
    errors = errors + 1
    if errors <= 3 then
      io.stderr:write("non-200 response " .. status .. ": " .. body .. "\n")
    end
  end
end

done = function(summary, latency, requests)
  -- One machine-readable line for evaluations.sh.
  io.write(string.format("RESULT requests=%d duration_s=%.1f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
