-- PUT of BENCH_PUT_BYTES to a new hash on every request, below the URL's path.
local counter = 0
local thread_id = 0
local body = string.rep("x", tonumber(os.getenv("BENCH_PUT_BYTES")))
local token = os.getenv("BENCH_TOKEN")
local run = os.getenv("BENCH_RUN")

function setup(thread)
  thread:set("thread_id", thread_id)
  thread_id = thread_id + 1
end

function request()
  counter = counter + 1
  return wrk.format("PUT", wrk.path .. run .. "-" .. thread_id .. "-" .. counter,
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/octet-stream" }, body)
end
