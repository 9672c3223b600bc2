-- PUT of BENCH_PUT_BYTES to a new hash on every request, below the URL's path; BENCH_QUERY (such as
-- turborepo-remote-cache's ?teamId=) goes after the hash.
local counter = 0
local thread_id = 0
local body = string.rep("x", tonumber(os.getenv("BENCH_PUT_BYTES")))
local token = os.getenv("BENCH_TOKEN")
local run = os.getenv("BENCH_RUN")
local query = os.getenv("BENCH_QUERY") or ""
local path = wrk.path:gsub("%?.*$", "")

function setup(thread)
  thread:set("thread_id", thread_id)
  thread_id = thread_id + 1
end

function request()
  counter = counter + 1
  return wrk.format("PUT", path .. run .. "-" .. thread_id .. "-" .. counter .. query,
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/octet-stream" }, body)
end
