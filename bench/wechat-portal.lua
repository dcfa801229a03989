-- wrk script: WeChat posting safe-mode text messages, each request a distinct message pre-signed by
-- bench/WeChatMessages.java. Thread N reads $MESSAGES-N.txt (query string TAB body per line), one line per request.
local prefix = os.getenv("MESSAGES") or "bench/out/wechat-messages"
local path = "/wechat/portal/" .. (os.getenv("APPID") or "wxbench00000000001")
local threads = {}
local count = 0

function setup(thread)
  count = count + 1
  thread:set("id", count)
  table.insert(threads, thread)
end

function init(args)
  file = assert(io.open(prefix .. "-" .. id .. ".txt"))
  reused, late, refused = 0, 0, 0
end

function request()
  local line = file:read("*l")
  if not line then
    -- out of distinct messages: start over (these are repeats; the summary counts them)
    file:seek("set", 0)
    line = file:read("*l")
    reused = reused + 1
  end
  local query, body = line:match("^([^\t]+)\t(.*)$")
  return wrk.format("POST", path .. "?" .. query, { ["Content-Type"] = "text/xml; charset=UTF-8" }, body)
end

function response(status, headers, body)
  if status ~= 200 then
    refused = refused + 1
  elseif body == "success" then
    late = late + 1
  end
end

function done(summary, latency, requests)
  local reused, late, refused = 0, 0, 0
  for _, thread in ipairs(threads) do
    reused = reused + thread:get("reused")
    late = late + thread:get("late")
    refused = refused + thread:get("refused")
  end
  io.write(string.format("RESULT requests=%d non200=%d success_only=%d files_restarted=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, refused, late, reused, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
