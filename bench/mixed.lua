-- wrk script: a mix of what patients and clinics request; counts 5xx answers per thread.
local paths = { "/", "/causes/sciatica", "/causes/radiculopathy", "/symptoms/foot-drop", "/treatments/nsaids", "/causes",
  "/search?q=pinched+nerve", "/search?q=leg+cramps", "/code/M54.31", "/code/G57.01", "/no-such-page", "/sources",
  "/api/articles/sciatica", "/feed.xml" }
local threads = {}
local counter = 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  count5xx = 0
end

request = function()
  counter = counter + 1
  local path = paths[(counter % #paths) + 1]
  if counter % 50 == 0 then
    path = "/search?q=nerve+" .. counter   -- never cached
  end
  if counter % 5 == 0 then
    return wrk.format("GET", path, { ["If-None-Match"] = '"0123456789abcdef0123456789abcdef"' })
  end
  return wrk.format("GET", path)
end

response = function(status, headers, body)
  if status >= 500 then
    count5xx = count5xx + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("count5xx")
  end
  io.write(string.format("5xx: %d\n", total))
end
