-- GETs of the hashes listed in BENCH_HASHES, in random order, under BENCH_BASE, with BENCH_TOKEN.
local paths = {}
for hash in io.lines(os.getenv("BENCH_HASHES")) do paths[#paths + 1] = os.getenv("BENCH_BASE") .. hash end
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
request = function() return wrk.format("GET", paths[math.random(#paths)]) end
