-- wrk script: searches for random pairs of words, with an extra parameter so no answer comes from the page cache.
local words = { "nerve", "pain", "back", "leg", "spasm", "cramp", "sciatica", "disc", "spine", "numb", "tingling", "weak",
  "foot", "heat", "rest", "stretch", "therapy", "muscle", "root", "pressure", "sleep", "walk", "doctor", "exercise" }
local counter = 0
request = function()
  counter = counter + 1
  local a = words[math.random(#words)]
  local b = words[math.random(#words)]
  return wrk.format("GET", "/search?q=" .. a .. "+" .. b .. "&nocache=" .. counter)
end
