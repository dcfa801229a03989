-- wrk script: signed-in residents reading one of their own accounts, at random.
-- Reads bench/out/sessions.tsv (token<TAB>accountNo per line) and the endpoint from the environment:
--   ENDPOINT=monthly | latest-bill | outages
local sessions = {}
local suffix = ({
  ["monthly"] = "/consumption/monthly",
  ["latest-bill"] = "/bills/latest",
  ["outages"] = "/outages",
})[os.getenv("ENDPOINT") or "monthly"]

function init(args)
  for line in io.lines(os.getenv("SESSIONS") or "bench/out/sessions.tsv") do
    local token, account = line:match("^(%S+)\t(%S+)$")
    sessions[#sessions + 1] = { token = token, account = account }
  end
  math.randomseed(os.time() + (args[1] and tonumber(args[1]) or 0))
end

function request()
  local s = sessions[math.random(#sessions)]
  return wrk.format("GET", "/api/v1/accounts/" .. s.account .. suffix, { ["Authorization"] = "Bearer " .. s.token })
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors_status=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.errors.status, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
