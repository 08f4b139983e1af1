-- Each request files a distinct report, so every 202 must become exactly one case.
-- Non-2xx answers count as wrk status errors, so accepted = requests - errors.
local counter = 0

request = function()
  counter = counter + 1
  local body = string.format('{"category":"harassment","account":"@bench-%d-%d","justification":"load test %d"}', math.random(1, 1e9), counter, counter)
  return wrk.format("POST", "/api/reports", { ["Content-Type"] = "application/json" }, body)
end

done = function(summary, latency, requests)
  io.write(string.format("p50_ms=%.2f p99_ms=%.2f requests=%d errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
