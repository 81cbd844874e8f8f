-- wrk script: POST /api/v1/evaluations with a single-account snapshot as the demo trading system.
-- The account is the contract's example: short 0.5 BTC, under-margined, so every decision has an action.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Basic dHJhZGVyOnRyYWRlci1kZXYtcGFzc3dvcmQ=" -- trader:trader-dev-password
-- The body is evaluation.json beside this script (evaluations.sh exports its path as BODY_FILE).
local file = assert(io.open(os.getenv("BODY_FILE") or "drills/load/evaluation.json", "r"))
wrk.body = file:read("*a")
file:close()

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
