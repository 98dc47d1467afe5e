-- wrk script: the screen pop for random customers of the demo city.
-- The city's n-th mobile number is prefix[n % 32] .. (n * 48271 + 13579246) mod 10^8 (see
-- src/core/demo/people.cpp); customers come from the first BENCH_CUSTOMERS of them.
local prefixes = {"130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150",
                  "151", "152", "153", "155", "156", "157", "158", "159", "166", "173", "176",
                  "177", "180", "181", "182", "183", "185", "186", "187", "189", "199"}
local token = os.getenv("BENCH_TOKEN")
local customers = tonumber(os.getenv("BENCH_CUSTOMERS") or "1000000")
local headers = {["Authorization"] = "Bearer " .. token}

local function phone(n)
  local suffix = (n * 48271 + 13579246) % 100000000
  return prefixes[(n % 32) + 1] .. string.format("%08d", suffix)
end

request = function()
  local n = math.random(0, customers - 1)
  return wrk.format("GET", "/api/v1/customers?phone=" .. phone(n), headers)
end

local errors = 0
response = function(status, headers, body)
  if status ~= 200 then errors = errors + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("non-200 responses: %d\n", summary.errors.status))
end
