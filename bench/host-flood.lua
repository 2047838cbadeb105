-- wrk script: one article, each request with a Host header nobody sent before (what a hostile client can do).
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/causes/topic-00000", { ["Host"] = "h" .. counter .. "-" .. math.random(1000000) .. ".example" })
end
