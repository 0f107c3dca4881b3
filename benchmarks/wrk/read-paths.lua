-- wrk closed loop over a file of request paths (one per line), each connection walking the list from its own
-- starting line. Usage: PATHS=file wrk -t2 -c8 -d20s -s benchmarks/wrk/read-paths.lua http://127.0.0.1:8080
-- benchmarks/wrk/read-run.sh writes the paths of each read step of issue 12 and measures CPU.
local paths = {}
for line in io.lines(os.getenv("PATHS")) do
  paths[#paths + 1] = line
end
local next_index = 1
local statuses = {}

setup = function(thread)
  thread:set("start", math.random(1, #paths))
end

init = function(args)
  next_index = tonumber(start) or 1
end

request = function()
  local path = paths[next_index]
  next_index = next_index % #paths + 1
  return wrk.format("GET", path)
end

done = function(summary, latency, requests)
  io.write(string.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
