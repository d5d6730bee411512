-- wrk script: POST /api/check with claims taken in turn from the file named
-- by $CLAIMS (one JSON request body per line). Counts non-200 replies.
local bodies = {}
local path = os.getenv("CLAIMS")
for line in io.lines(path) do
  if #line > 0 then bodies[#bodies + 1] = line end
end
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

request = function()
  i = i % #bodies + 1
  return wrk.format(nil, "/api/check", nil, bodies[i])
end

local bad = 0
response = function(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("LAT p50=%.1fms p99=%.1fms max=%.1fms rps=%.1f errors=%d non200_thread_local=%d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests / (summary.duration / 1e6),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
      + summary.errors.timeout, bad))
end
