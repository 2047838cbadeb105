-- wrk script: searches with one misspelled word, so the spelling correction runs; an extra parameter keeps the page cache out.
local typos = { "spasam", "tinglng", "muscel", "sciatc", "pressur", "exersise", "therpy", "strech", "balence", "treatmnt" }
local words = { "nerve", "pain", "back", "leg", "foot", "sleep", "help", "doctor" }
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/search?q=" .. typos[math.random(#typos)] .. "+" .. words[math.random(#words)] .. "&nocache=" .. counter)
end
