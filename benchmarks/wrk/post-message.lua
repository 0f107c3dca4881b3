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
