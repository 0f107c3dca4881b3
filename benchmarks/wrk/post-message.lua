-- wrk closed loop: POST a message to one of CHATS chats of one application, picked at random per request.
-- Usage: TOKEN=... CHATS=100 wrk -t2 -c50 -d20s -s benchmarks/wrk/post-message.lua http://127.0.0.1:8080
-- KIND=chats posts chats instead ({} each); KIND=bare posts the body to the API's bare benchmark endpoint
-- (BareWriteEndpoint), KIND=bare-write the same message as KIND=messages to its framework-free write endpoint.
-- benchmarks/wrk/post-run.sh sets it all up and measures CPU.
local token = os.getenv("TOKEN")
local chats = tonumber(os.getenv("CHATS") or "100")
local kind = os.getenv("KIND") or "messages"
local statuses = {}
-- THINK_MS: each connection waits this long between its requests (wrk's delay hook), so CLIENTS connections
-- offer about CLIENTS x 1000 / (THINK_MS + latency) requests a second: a paced load instead of a saturating one.
local think = tonumber(os.getenv("THINK_MS") or "0")
if think > 0 then
  delay = function() return think end
end
-- RATE: about RATE requests a second in all, on a schedule: each of wrk's threads sends its share of them at even
-- intervals, on whichever of its connections is free (a request whose slot has passed goes at once). The offered
-- rate does not fall when the answers slow down, as long as enough connections are free; give it enough of them.
local rate = tonumber(os.getenv("RATE") or "0")
if rate > 0 then
  local ffi = require("ffi")
  ffi.cdef [[
    typedef struct { long tv_sec; long tv_nsec; } chat_timespec;
    int clock_gettime(int clock, chat_timespec *t);
  ]]
  local now_ts = ffi.new("chat_timespec")
  local function now_ms()
    ffi.C.clock_gettime(1, now_ts) -- CLOCK_MONOTONIC
    return tonumber(now_ts.tv_sec) * 1000 + tonumber(now_ts.tv_nsec) / 1e6
  end
  local threads = tonumber(os.getenv("WRK_THREADS") or "2")
  local period = 1000 * threads / rate
  local next_slot = nil
  delay = function()
    local now = now_ms()
    if next_slot == nil or next_slot < now - 1000 then
      next_slot = now -- the start, or a second behind: no burst to catch up
    end
    next_slot = next_slot + period
    local wait = next_slot - now
    if wait < 0 then return 0 end
    return math.floor(wait)
  end
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"body":"wrk closed loop message with a few words in it"}'

request = function()
  if kind == "bare" then
    return wrk.format(nil, "/bare")
  end
  if kind == "chats" then
    return wrk.format(nil, "/api/v1/applications/" .. token .. "/chats", nil, "{}")
  end
  local chat = math.random(1, chats)
  if kind == "bare-write" then
    return wrk.format(nil, "/bare/write/" .. token .. "/" .. chat)
  end
  return wrk.format(nil, "/api/v1/applications/" .. token .. "/chats/" .. chat .. "/messages")
end

response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  io.write(string.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
